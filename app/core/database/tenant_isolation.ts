/*
 * SQL for the database wall, used by migrations of tenant-owned tables:
 * RLS enabled and forced, one policy comparing tenant_id with the transaction's scope.
 * `nullif(..., '')` because after a local set_config the setting reads '' (not NULL)
 * on that connection once the transaction ends.
 */
export const TENANT_SCOPE_SQL = `nullif(current_setting('app.tenant_id', true), '')::bigint`

export function tenantIsolationSql(table: string): string[] {
  return [
    `alter table ${table} enable row level security`,
    `alter table ${table} force row level security`,
    `create policy ${table}_tenant_isolation on ${table} ` +
      `using (tenant_id = ${TENANT_SCOPE_SQL}) with check (tenant_id = ${TENANT_SCOPE_SQL})`,
  ]
}
