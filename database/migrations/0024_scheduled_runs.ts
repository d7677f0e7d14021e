import { BaseSchema } from '@adonisjs/lucid/schema'
import { tenantIsolationSql } from '#app/core/database/tenant_isolation'

/*
 * Scheduled work runs once per tenant per slot (issue #4 §7, SECURITY J8): a tenant's run of a
 * task claims (task, slot) here first, so two schedulers firing at once, or a fan-out sent twice,
 * still run it once.
 */
export default class extends BaseSchema {
  protected tableName = 'scheduled_runs'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigInteger('tenant_id').notNullable().references('id').inTable('tenants')
      table.text('task').notNullable()
      table.text('slot').notNullable()
      table.timestamp('ran_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.primary(['tenant_id', 'task', 'slot'])
    })
    this.defer(async (db) => {
      for (const sql of tenantIsolationSql(this.tableName)) await db.rawQuery(sql)
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
