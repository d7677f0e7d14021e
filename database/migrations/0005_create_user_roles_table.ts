import { BaseSchema } from '@adonisjs/lucid/schema'
import { tenantIsolationSql } from '#app/core/database/tenant_isolation'

/* Staff membership: user -> role inside one tenant. Composite FKs keep both sides in it. */
export default class extends BaseSchema {
  protected tableName = 'user_roles'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigInteger('tenant_id').notNullable().references('id').inTable('tenants')
      table.bigInteger('user_id').notNullable()
      table.bigInteger('role_id').notNullable()
      table.primary(['tenant_id', 'user_id', 'role_id'])
      table
        .foreign(['tenant_id', 'user_id'])
        .references(['tenant_id', 'id'])
        .inTable('users')
        .onDelete('cascade')
      table
        .foreign(['tenant_id', 'role_id'])
        .references(['tenant_id', 'id'])
        .inTable('roles')
        .onDelete('cascade')
    })
    this.defer(async (db) => {
      for (const sql of tenantIsolationSql(this.tableName)) await db.rawQuery(sql)
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
