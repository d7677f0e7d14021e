import { BaseSchema } from '@adonisjs/lucid/schema'
import { tenantIsolationSql } from '#app/core/database/tenant_isolation'

/* Logins. Tenant-owned: the same email may exist in two tenants as two users. */
export default class extends BaseSchema {
  protected tableName = 'users'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id', { primaryKey: false })
      table.bigInteger('tenant_id').notNullable().references('id').inTable('tenants')
      table.specificType('email', 'citext').notNullable()
      table.text('password').notNullable()
      table.text('full_name').notNullable()
      table.text('audience').notNullable()
      table.text('status').notNullable().defaultTo('active')
      table.text('locale').nullable()
      table.timestamp('last_login_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.unique(['tenant_id', 'email'])
      table.primary(['tenant_id', 'id'])
    })
    this.defer(async (db) => {
      await db.rawQuery(
        `alter table users add constraint users_audience_check check (audience in ('staff', 'client'))`
      )
      for (const sql of tenantIsolationSql(this.tableName)) await db.rawQuery(sql)
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
