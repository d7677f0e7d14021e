import { BaseSchema } from '@adonisjs/lucid/schema'

/* The tenant tree: a platform catalog table (see app/tenancy/catalog_tables.ts). */
export default class extends BaseSchema {
  protected tableName = 'tenants'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id')
      table.bigInteger('parent_id').nullable().references('id').inTable('tenants')
      table.specificType('path', 'ltree').notNullable()
      table.integer('depth').notNullable()
      table.specificType('slug', 'citext').notNullable().unique()
      table.text('name').notNullable()
      table.text('kind').notNullable()
      table.text('status').notNullable().defaultTo('active')
      table.text('locale').notNullable()
      table.text('time_zone').notNullable()
      table.text('currency').notNullable()
      table.text('calendar').notNullable()
      table.jsonb('brand').notNullable().defaultTo('{}')
      table.timestamp('provisioned_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
    })
    this.defer(async (db) => {
      await db.rawQuery(`create index tenants_path_gist on tenants using gist (path)`)
      await db.rawQuery(
        `create unique index tenants_single_root on tenants ((true)) where parent_id is null`
      )
      await db.rawQuery(
        `alter table tenants add constraint tenants_status_check check (status in ('active', 'disabled'))`
      )
      await db.rawQuery(
        `alter table tenants add constraint tenants_slug_check check (slug ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9]){0,1}$')`
      )
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
