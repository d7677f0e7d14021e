import { BaseSchema } from '@adonisjs/lucid/schema'
import { tenantIsolationSql } from '#app/core/database/tenant_isolation'
import { grantAlongside } from '#app/access/grant_alongside'

/*
 * The call log (issue #4 §6): every call a tenant's connection makes to its provider, with
 * method, address, status, duration and the bodies with secrets redacted. Never headers.
 */
export default class extends BaseSchema {
  protected tableName = 'provider_calls'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id', { primaryKey: false })
      table.bigInteger('tenant_id').notNullable().references('id').inTable('tenants')
      table.text('provider').notNullable()
      table.text('operation').notNullable()
      table.text('method').notNullable()
      table.text('url').notNullable()
      table.integer('status').nullable()
      table.text('outcome').notNullable()
      table.integer('attempt').notNullable().defaultTo(1)
      table.integer('duration_ms').notNullable()
      table.text('request_body').nullable()
      table.text('response_body').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.primary(['tenant_id', 'id'])
      table.index(['tenant_id', 'created_at'])
    })
    this.defer(async (db) => {
      for (const sql of tenantIsolationSql(this.tableName)) await db.rawQuery(sql)
      await grantAlongside(db, 'integrations.calls.view', 'integrations.credentials.manage')
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
