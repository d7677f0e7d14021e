import { column } from '@adonisjs/lucid/orm'
import { TenantModel } from '#app/core/database/tenant_model'

/* A staff member holds a role in its tenant (primary key: tenant, user, role). */
export default class UserRole extends TenantModel {
  static table = 'user_roles'

  @column({ isPrimary: true })
  declare userId: number

  @column()
  declare roleId: number
}
