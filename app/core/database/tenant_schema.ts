/*
 * Tenant tables in one call (issue #12 §1): every tenant-owned table has the same spine — a
 * `tenant_id` that references the tenant, an id unique within it, the composite key other
 * tables reference, and the database wall (RLS enabled and forced, one policy). A migration
 * writes only what is its own:
 *
 *   createTenantTable(this, 'fuel_cards', (table) => {
 *     table.text('number').notNullable()
 *     tenantReference(table, 'client_id', 'clients')
 *   })
 */
import type { BaseSchema } from '@adonisjs/lucid/schema'
import { tenantIsolationSql } from '#app/core/database/tenant_isolation'

type TableBuilder = Parameters<Parameters<BaseSchema['schema']['createTable']>[1]>[0]

export function createTenantTable(
  migration: BaseSchema,
  name: string,
  build: (table: TableBuilder) => void
) {
  migration.schema.createTable(name, (table) => {
    table.bigIncrements('id', { primaryKey: false })
    table.bigInteger('tenant_id').notNullable().references('id').inTable('tenants')
    build(table)
    table.primary(['tenant_id', 'id'])
  })
  for (const sql of tenantIsolationSql(name)) migration.schema.raw(sql)
}

/**
 * A column pointing at a row of another tenant table, through the composite key: the row must
 * be of the same tenant, which the database checks, not only the code.
 */
export function tenantReference(
  table: TableBuilder,
  column: string,
  otherTable: string,
  options: { nullable?: boolean; onDelete?: 'cascade' | 'restrict' | 'set null' } = {}
) {
  const built = table.bigInteger(column)
  if (options.nullable) built.nullable()
  else built.notNullable()
  const foreign = table
    .foreign(['tenant_id', column])
    .references(['tenant_id', 'id'])
    .inTable(otherTable)
  if (options.onDelete) foreign.onDelete(options.onDelete)
  table.index(['tenant_id', column])
}
