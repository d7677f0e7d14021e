import { BaseSchema } from '@adonisjs/lucid/schema'
import { tenantIsolationSql } from '#app/core/database/tenant_isolation'

/*
 * The audit log: append-only. The runtime role may INSERT and SELECT (within its tenant, by
 * RLS) but never UPDATE, DELETE or TRUNCATE; `tenancy:check` verifies that from the catalog.
 */
export default class extends BaseSchema {
  protected tableName = 'audit_log'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id', { primaryKey: false })
      table.bigInteger('tenant_id').notNullable().references('id').inTable('tenants')
      table.bigInteger('actor_user_id').nullable()
      table.bigInteger('impersonator_user_id').nullable()
      table.text('action').notNullable()
      table.text('subject_type').nullable()
      table.text('subject_id').nullable()
      table.jsonb('before').nullable()
      table.jsonb('after').nullable()
      table.specificType('ip', 'inet').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.primary(['tenant_id', 'id'])
      table.index(['tenant_id', 'created_at'])
    })
    this.defer(async (db) => {
      for (const sql of tenantIsolationSql(this.tableName)) await db.rawQuery(sql)
      // Default privileges granted the runtime role everything; take the rewriting ones back.
      await db.rawQuery(`revoke update, delete, truncate on audit_log from public`)
      const runtime = await db.rawQuery(`select 1 from pg_roles where rolname = 'kabinet_app'`)
      if (runtime.rows.length > 0) {
        await db.rawQuery(`revoke update, delete, truncate on audit_log from kabinet_app`)
      }
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
