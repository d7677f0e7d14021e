import { column } from '@adonisjs/lucid/orm'
import { TenantModel } from '#core/database/tenant_model'
import type { Translated } from '#tenants/types'

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
}
