import { BaseSchema } from '@adonisjs/lucid/schema'

/*
 * Permission packages: what a tenant (and every role in it) can ever hold. A package is
 * defined by a tenant for its direct children (the platform for agents, an agent for its
 * sub-agents) and assigned to each child; a tenant's effective ceiling is its package
 * intersected with its parent's ceiling, computed live. A platform catalog table
 * (app/tenancy/catalog_tables.ts): a child's ceiling reads its parent's package.
 */
export default class extends BaseSchema {
  protected tableName = 'permission_packages'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id')
      table.bigInteger('owner_tenant_id').notNullable().references('id').inTable('tenants')
      table.text('name').notNullable()
      table.specificType('permissions', 'text[]').notNullable().defaultTo('{}')
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.unique(['owner_tenant_id', 'name'])
    })
    this.schema.alterTable('tenants', (table) => {
      table.bigInteger('package_id').nullable().references('id').inTable('permission_packages')
    })
  }

  async down() {
    this.schema.alterTable('tenants', (table) => table.dropColumn('package_id'))
    this.schema.dropTable(this.tableName)
  }
}
