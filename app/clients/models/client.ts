import { column } from '@adonisjs/lucid/orm'
import type { DateTime } from 'luxon'
import { TenantModel } from '#app/core/database/tenant_model'

/* A company or person a tenant serves (SPEC §2): the requisites its identifiers are checked on. */
export default class Client extends TenantModel {
  static table = 'clients'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare type: 'ru_company' | 'ru_sole_trader' | 'ru_person' | 'ir_company' | 'ir_person'

  @column()
  declare name: string

  @column()
  declare inn: string | null

  @column()
  declare kpp: string | null

  @column()
  declare ogrn: string | null

  @column()
  declare nationalId: string | null

  @column()
  declare legalId: string | null

  @column()
  declare bik: string | null

  @column()
  declare account: string | null

  @column()
  declare sheba: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
