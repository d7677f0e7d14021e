import { BaseSchema } from '@adonisjs/lucid/schema'
import { tenantIsolationSql } from '#app/core/database/tenant_isolation'

/*
 * Idempotent job effects (issue #4 §7, SECURITY J1): a job may run more than once (at least
 * once delivery, a retried attempt); an effect it must cause once claims its key here in the
 * same transaction, and a second run finds the claim and skips it.
 */
export default class extends BaseSchema {
  protected tableName = 'job_effects'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigInteger('tenant_id').notNullable().references('id').inTable('tenants')
      table.text('key').notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.primary(['tenant_id', 'key'])
    })
    this.defer(async (db) => {
      for (const sql of tenantIsolationSql(this.tableName)) await db.rawQuery(sql)
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
