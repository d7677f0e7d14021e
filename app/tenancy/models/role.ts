import { column } from '@adonisjs/lucid/orm'
import { TenantModel } from '#app/core/database/tenant_model'
import type { Translated } from '#app/core/i18n/locales'
import type { GrantScope } from '#app/core/modules/manifest'

export default class Role extends TenantModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare key: string

  @column({ prepare: (value: Translated) => JSON.stringify(value) })
  declare name: Translated

  @column()
  declare audience: 'staff' | 'client'

  @column()
  declare permissions: string[]

  /** The scope of each grant that is wider or narrower than its default (app/access/grants.ts). */
  @column({ prepare: (value: Partial<Record<string, GrantScope>>) => JSON.stringify(value ?? {}) })
  declare scopes: Partial<Record<string, GrantScope>>
}
