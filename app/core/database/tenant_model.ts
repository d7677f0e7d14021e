/*
 * Base for tenant-owned models: the app wall of tenant isolation.
 * `query()` (and so find/findBy/first/preloads through it) throws without a tenant context
 * and always filters on the context's tenant; new rows take the context's tenant.
 */
import { BaseModel, beforeCreate, column } from '@adonisjs/lucid/orm'
import type {
  LucidModel,
  ModelAdapterOptions,
  ModelQueryBuilderContract,
} from '@adonisjs/lucid/types/model'
import { requireTenantId } from './tenant_context.ts'

export class TenantModel extends BaseModel {
  @column()
  declare tenantId: number

  static override query<Model extends LucidModel, Result = InstanceType<Model>>(
    this: Model,
    options?: ModelAdapterOptions
  ): ModelQueryBuilderContract<Model, Result> {
    const tenantId = requireTenantId(`${this.name}.query()`)
    const builder = BaseModel.query.call(this, options) as ModelQueryBuilderContract<Model, Result>
    return builder.where(`${this.table}.tenant_id`, tenantId)
  }

  @beforeCreate()
  static assignTenant(row: TenantModel) {
    const tenantId = requireTenantId(`Creating a ${row.constructor.name}`)
    if (row.tenantId !== undefined && row.tenantId !== tenantId) {
      throw new Error('A row may only be created in the current tenant')
    }
    row.tenantId = tenantId
  }
}
