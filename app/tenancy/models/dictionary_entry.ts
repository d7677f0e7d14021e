import { column } from '@adonisjs/lucid/orm'
import { TenantModel } from '#app/core/database/tenant_model'
import type { Translated } from '#app/core/i18n/locales'

export default class DictionaryEntry extends TenantModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare dictionary: string

  @column()
  declare code: string

  @column({ prepare: (value: Translated) => JSON.stringify(value) })
  declare label: Translated

  @column()
  declare position: number
}
