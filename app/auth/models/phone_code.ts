import { column } from '@adonisjs/lucid/orm'
import type { DateTime } from 'luxon'
import { TenantModel } from '#app/core/database/tenant_model'

/* A code texted to confirm a phone number, kept only as a keyed hash (app/auth/phone_codes.ts). */
export default class PhoneCode extends TenantModel {
  static table = 'phone_codes'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare userId: number

  @column()
  declare phone: string

  @column({ serializeAs: null })
  declare codeHash: Buffer

  @column()
  declare attempts: number

  @column.dateTime()
  declare expiresAt: DateTime

  @column.dateTime()
  declare usedAt: DateTime | null

  @column.dateTime()
  declare createdAt: DateTime
}
