import { BaseSchema } from '@adonisjs/lucid/schema'
import { tenantIsolationSql, TENANT_SCOPE_SQL } from '#app/core/database/tenant_isolation'
import { grantAlongside } from '#app/access/grant_alongside'

/*
 * Integration credentials (issue #4 §3): one per tenant and provider type. Plain settings (a
 * URL, a login) in `settings`; secrets sealed with the vault key ring, each bound to its tenant,
 * provider and field, in `secrets`. Health of the last connection test beside them.
 *
 * A sub-agent without its own credential uses its nearest ancestor's that is shared with
 * sub-agents: a second, read-only policy lets a tenant read the shared rows of its ancestors
 * (by the row's tenant path, as subtree reads do), never write them.
 */
export default class extends BaseSchema {
  protected tableName = 'integration_credentials'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id', { primaryKey: false })
      table.bigInteger('tenant_id').notNullable().references('id').inTable('tenants')
      table.text('provider').notNullable()
      table.jsonb('settings').notNullable().defaultTo('{}')
      table.jsonb('secrets').notNullable().defaultTo('{}')
      table.boolean('share_with_subagents').notNullable().defaultTo(false)
      table.timestamp('last_checked_at', { useTz: true }).nullable()
      table.timestamp('last_success_at', { useTz: true }).nullable()
      table.timestamp('last_error_at', { useTz: true }).nullable()
      table.text('last_error').nullable()
      table.bigInteger('updated_by').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.primary(['tenant_id', 'id'])
      table.unique(['tenant_id', 'provider'])
    })
    this.defer(async (db) => {
      for (const sql of tenantIsolationSql(this.tableName)) await db.rawQuery(sql)
      await db.rawQuery(`alter table ${this.tableName} add column tenant_path ltree not null`)
      await db.rawQuery(
        `create trigger ${this.tableName}_tenant_path before insert on ${this.tableName}
           for each row execute function kabinet_fill_tenant_path()`
      )
      await db.rawQuery(
        `create index ${this.tableName}_tenant_path_gist on ${this.tableName} using gist (tenant_path)`
      )
      await db.rawQuery(
        `create policy ${this.tableName}_inherited_read on ${this.tableName} for select
           using (share_with_subagents and tenant_path @> (
             select path from tenants where id = ${TENANT_SCOPE_SQL}))`
      )
      // Whoever administers a business's people administers its connections.
      await grantAlongside(db, 'integrations.credentials.manage', 'access.roles.manage')
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
