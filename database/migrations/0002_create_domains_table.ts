import { BaseSchema } from '@adonisjs/lucid/schema'

/*
 * Hostname -> tenant. A platform catalog table: resolution reads it before any tenant
 * is known. Hostnames are unique platform-wide; one primary domain per tenant.
 */
export default class extends BaseSchema {
  protected tableName = 'domains'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id')
      table.bigInteger('tenant_id').notNullable().references('id').inTable('tenants')
      table.specificType('hostname', 'citext').notNullable().unique()
      table.text('kind').notNullable()
      table.text('status').notNullable()
      table.boolean('is_primary').notNullable().defaultTo(false)
      table.text('verification_token').nullable()
      table.timestamp('verified_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.index(['tenant_id'])
    })
    this.defer(async (db) => {
      await db.rawQuery(
        `create unique index domains_one_primary on domains (tenant_id) where is_primary`
      )
      await db.rawQuery(
        `alter table domains add constraint domains_kind_check check (kind in ('platform', 'custom'))`
      )
      await db.rawQuery(
        `alter table domains add constraint domains_status_check ` +
          `check (status in ('pending', 'verified', 'active', 'disabled'))`
      )
      await db.rawQuery(
        `alter table domains add constraint domains_primary_active check (not is_primary or status = 'active')`
      )
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
