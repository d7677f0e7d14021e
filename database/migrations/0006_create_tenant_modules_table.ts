import { BaseSchema } from '@adonisjs/lucid/schema'
import { tenantIsolationSql } from '#app/core/database/tenant_isolation'

/* Modules switched on for a tenant (from its kind preset at provisioning). */
export default class extends BaseSchema {
  protected tableName = 'tenant_modules'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigInteger('tenant_id').notNullable().references('id').inTable('tenants')
      table.text('module_key').notNullable()
      table.boolean('enabled').notNullable().defaultTo(true)
      table.primary(['tenant_id', 'module_key'])
    })
    this.defer(async (db) => {
      for (const sql of tenantIsolationSql(this.tableName)) await db.rawQuery(sql)
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
