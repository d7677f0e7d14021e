/*
 * Verifies the database wall from the catalog (run as the owner role):
 *  - every table with a tenant_id (catalog tables aside) has tenant_id NOT NULL,
 *    RLS enabled and forced, and at least one policy;
 *  - every unique constraint / unique index on such a table includes tenant_id;
 *  - every foreign key between two tenant tables includes tenant_id on both sides;
 *  - the runtime role is no superuser, cannot bypass RLS, owns nothing, inherits nothing.
 */
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { APPEND_ONLY_TABLES, CATALOG_TABLES, FRAMEWORK_TABLES } from './catalog_tables.ts'

export interface TenancyGap {
  table: string
  problem: string
}

export async function checkTenancy(
  client: QueryClientContract,
  runtimeRole: string
): Promise<TenancyGap[]> {
  const gaps: TenancyGap[] = []
  const exempt = new Set([...Object.keys(CATALOG_TABLES), ...FRAMEWORK_TABLES])

  const tables = (
    await client.rawQuery(`
      select c.relname as table, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
             a.attnotnull as tenant_not_null,
             (select count(*) from pg_policy p where p.polrelid = c.oid)::int as policies
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
      left join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
      where c.relkind in ('r', 'p')
      order by c.relname`)
  ).rows as Array<{
    table: string
    rls: boolean
    forced: boolean
    tenant_not_null: boolean | null
    policies: number
  }>

  if (!tables.some((row) => row.table === 'tenants')) {
    gaps.push({
      table: '-',
      problem: 'schema not migrated (no tenants table): run `node ace migration:run`',
    })
  }

  const tenantTables = new Set<string>()
  for (const row of tables) {
    if (exempt.has(row.table)) continue
    if (row.tenant_not_null === null) {
      gaps.push({
        table: row.table,
        problem: 'has no tenant_id column and is not a declared catalog table',
      })
      continue
    }
    tenantTables.add(row.table)
    if (!row.tenant_not_null) gaps.push({ table: row.table, problem: 'tenant_id is nullable' })
    if (!row.rls) gaps.push({ table: row.table, problem: 'row level security is not enabled' })
    if (!row.forced) gaps.push({ table: row.table, problem: 'row level security is not forced' })
    if (row.policies === 0) gaps.push({ table: row.table, problem: 'has no RLS policy' })
  }

  const uniques = (
    await client.rawQuery(`
      select t.relname as table, i.relname as index,
             bool_or(a.attname = 'tenant_id') as has_tenant
      from pg_index x
      join pg_class t on t.oid = x.indrelid
      join pg_class i on i.oid = x.indexrelid
      join pg_namespace n on n.oid = t.relnamespace and n.nspname = 'public'
      left join pg_attribute a on a.attrelid = t.oid and a.attnum = any(x.indkey)
      where x.indisunique
      group by t.relname, i.relname`)
  ).rows as Array<{ table: string; index: string; has_tenant: boolean | null }>
  for (const row of uniques) {
    if (tenantTables.has(row.table) && !row.has_tenant) {
      gaps.push({
        table: row.table,
        problem: `unique index ${row.index} does not include tenant_id`,
      })
    }
  }

  const foreignKeys = (
    await client.rawQuery(`
      select src.relname as table, dst.relname as referenced, c.conname as name,
             exists (select 1 from unnest(c.conkey) k join pg_attribute a
                     on a.attrelid = c.conrelid and a.attnum = k where a.attname = 'tenant_id') as src_has_tenant,
             exists (select 1 from unnest(c.confkey) k join pg_attribute a
                     on a.attrelid = c.confrelid and a.attnum = k where a.attname = 'tenant_id') as dst_has_tenant
      from pg_constraint c
      join pg_class src on src.oid = c.conrelid
      join pg_class dst on dst.oid = c.confrelid
      join pg_namespace n on n.oid = src.relnamespace and n.nspname = 'public'
      where c.contype = 'f'`)
  ).rows as Array<{
    table: string
    referenced: string
    name: string
    src_has_tenant: boolean
    dst_has_tenant: boolean
  }>
  for (const fk of foreignKeys) {
    if (
      tenantTables.has(fk.table) &&
      tenantTables.has(fk.referenced) &&
      !(fk.src_has_tenant && fk.dst_has_tenant)
    ) {
      gaps.push({
        table: fk.table,
        problem: `foreign key ${fk.name} to ${fk.referenced} does not include tenant_id on both sides`,
      })
    }
  }

  const role = (
    await client.rawQuery(
      `select rolsuper, rolbypassrls, rolinherit,
              (select count(*) from pg_class c where c.relowner = r.oid)::int as owned,
              (select count(*) from pg_auth_members m where m.member = r.oid)::int as memberships
       from pg_roles r where rolname = ?`,
      [runtimeRole]
    )
  ).rows[0] as
    | {
        rolsuper: boolean
        rolbypassrls: boolean
        rolinherit: boolean
        owned: number
        memberships: number
      }
    | undefined
  if (!role) {
    gaps.push({ table: '-', problem: `runtime role ${runtimeRole} does not exist` })
  } else {
    if (role.rolsuper)
      gaps.push({ table: '-', problem: `runtime role ${runtimeRole} is a superuser` })
    if (role.rolbypassrls)
      gaps.push({ table: '-', problem: `runtime role ${runtimeRole} can bypass RLS` })
    if (role.owned > 0)
      gaps.push({ table: '-', problem: `runtime role ${runtimeRole} owns ${role.owned} relations` })
    if (role.memberships > 0)
      gaps.push({ table: '-', problem: `runtime role ${runtimeRole} is a member of other roles` })
    // Append-only tables: the runtime role may add rows, never rewrite or remove them.
    for (const table of APPEND_ONLY_TABLES) {
      const rights = (
        await client.rawQuery(
          `select has_table_privilege(?, ?, 'UPDATE') as can_update,
                  has_table_privilege(?, ?, 'DELETE') as can_delete,
                  has_table_privilege(?, ?, 'TRUNCATE') as can_truncate`,
          [runtimeRole, table, runtimeRole, table, runtimeRole, table]
        )
      ).rows[0] as { can_update: boolean; can_delete: boolean; can_truncate: boolean } | undefined
      if (rights && (rights.can_update || rights.can_delete || rights.can_truncate)) {
        gaps.push({
          table,
          problem: `runtime role ${runtimeRole} can rewrite an append-only table`,
        })
      }
    }
  }
  return gaps
}
