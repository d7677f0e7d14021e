import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export type DomainStatus = 'pending' | 'verified' | 'active' | 'disabled'

/* Hostname -> tenant. Catalog table: resolution reads it before a tenant is known. */
export default class Domain extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare tenantId: number

  @column()
  declare hostname: string

  @column()
  declare kind: 'platform' | 'custom'

  @column()
  declare status: DomainStatus

  @column()
  declare isPrimary: boolean

  @column({ serializeAs: null })
  declare verificationToken: string | null

  @column.dateTime()
  declare verifiedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
