import { BaseSchema } from '@adonisjs/lucid/schema'
import { tenantIsolationSql } from '#app/core/database/tenant_isolation'
import { grantAlongside } from '#app/access/grant_alongside'

/*
 * Holdings: a client user acts for one or more of the tenant's clients, with one client role
 * in each. Composite FKs keep user, client and role inside the same tenant.
 */
export default class extends BaseSchema {
  protected tableName = 'client_memberships'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigInteger('tenant_id').notNullable().references('id').inTable('tenants')
      table.bigInteger('client_id').notNullable()
      table.bigInteger('user_id').notNullable()
      table.bigInteger('role_id').notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.primary(['tenant_id', 'client_id', 'user_id'])
      table.index(['tenant_id', 'user_id'])
      table
        .foreign(['tenant_id', 'client_id'])
        .references(['tenant_id', 'id'])
        .inTable('clients')
        .onDelete('cascade')
      table
        .foreign(['tenant_id', 'user_id'])
        .references(['tenant_id', 'id'])
        .inTable('users')
        .onDelete('cascade')
      table
        .foreign(['tenant_id', 'role_id'])
        .references(['tenant_id', 'id'])
        .inTable('roles')
        .onDelete('cascade')
    })
    this.defer(async (db) => {
      for (const sql of tenantIsolationSql(this.tableName)) await db.rawQuery(sql)
      // Linking people to clients is its own power, held by whoever manages clients today.
      await grantAlongside(db, 'clients.members.manage', 'clients.companies.manage')
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
