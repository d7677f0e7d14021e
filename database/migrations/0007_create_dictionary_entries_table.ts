import { BaseSchema } from '@adonisjs/lucid/schema'
import { tenantIsolationSql } from '#app/core/database/tenant_isolation'

/* A tenant's reference lists (fuel types, collection reasons...), seeded from its preset. */
export default class extends BaseSchema {
  protected tableName = 'dictionary_entries'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id', { primaryKey: false })
      table.bigInteger('tenant_id').notNullable().references('id').inTable('tenants')
      table.text('dictionary').notNullable()
      table.text('code').notNullable()
      table.jsonb('label').notNullable()
      table.integer('position').notNullable().defaultTo(0)
      table.unique(['tenant_id', 'dictionary', 'code'])
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
