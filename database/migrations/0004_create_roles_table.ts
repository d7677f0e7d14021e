import { BaseSchema } from '@adonisjs/lucid/schema'
import { tenantIsolationSql } from '#app/core/database/tenant_isolation'

/* A tenant's roles, copied from its kind preset at provisioning. */
export default class extends BaseSchema {
  protected tableName = 'roles'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id', { primaryKey: false })
      table.bigInteger('tenant_id').notNullable().references('id').inTable('tenants')
      table.text('key').notNullable()
      table.jsonb('name').notNullable()
      table.text('audience').notNullable()
      table.specificType('permissions', 'text[]').notNullable().defaultTo('{}')
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.unique(['tenant_id', 'key'])
      table.primary(['tenant_id', 'id'])
    })
    this.defer(async (db) => {
      for (const sql of tenantIsolationSql(this.tableName)) await db.rawQuery(sql)
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
