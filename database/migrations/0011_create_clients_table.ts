import { BaseSchema } from '@adonisjs/lucid/schema'
import { tenantIsolationSql } from '#app/core/database/tenant_isolation'

/*
 * Clients: the companies and people a tenant serves. Tenant-owned (RLS). Identifiers are
 * validated by the app (app/core/identifiers) and unique within the tenant where they exist.
 */
export default class extends BaseSchema {
  protected tableName = 'clients'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id', { primaryKey: false })
      table.bigInteger('tenant_id').notNullable().references('id').inTable('tenants')
      table.text('type').notNullable()
      table.text('name').notNullable()
      table.text('inn').nullable()
      table.text('kpp').nullable()
      table.text('ogrn').nullable()
      table.text('national_id').nullable()
      table.text('legal_id').nullable()
      table.text('bik').nullable()
      table.text('account').nullable()
      table.text('sheba').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.primary(['tenant_id', 'id'])
    })
    this.defer(async (db) => {
      await db.rawQuery(
        `alter table clients add constraint clients_type_check check (type in
          ('ru_company', 'ru_sole_trader', 'ru_person', 'ir_company', 'ir_person'))`
      )
      for (const column of ['inn', 'national_id', 'legal_id']) {
        await db.rawQuery(
          `create unique index clients_tenant_${column}_unique on clients (tenant_id, ${column}) where ${column} is not null`
        )
      }
      for (const sql of tenantIsolationSql(this.tableName)) await db.rawQuery(sql)
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
