import { BaseSchema } from '@adonisjs/lucid/schema'
import { kindPresets } from '#app/platform/kind_presets'
import type { TenantKind } from '#tenants/types'

/*
 * Subtree reads (issue #3 §6, §11): agent staff with a `subtree` grant read the clients, people
 * and audit entries of their whole subtree. Each such row carries its tenant's ltree path
 * (tenants never move, so it never changes), filled by a trigger and indexed; a second,
 * read-only RLS policy lets a transaction that has explicitly set `app.subtree_path` read rows
 * under that path. Writes still pass only the strict tenant policy.
 *
 * Roles gain a scope per grant: `{ "<permission>": "own" | "subtree" | "companies" }`.
 */
const SUBTREE_TABLES = ['clients', 'users', 'audit_log']
const SUBTREE_SCOPE_SQL = `nullif(current_setting('app.subtree_path', true), '')::ltree`

export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('roles', (table) => {
      table.jsonb('scopes').notNullable().defaultTo('{}')
    })
    this.defer(async (db) => {
      const presets = await kindPresets()
      await db.rawQuery(`
        create or replace function kabinet_fill_tenant_path() returns trigger
        language plpgsql as $$
        begin
          select path into new.tenant_path from tenants where id = new.tenant_id;
          return new;
        end $$`)
      const tenants = (await db
        .from('tenants')
        .select('id', 'kind', db.raw('path::text as path'))) as Array<{
        id: number
        kind: TenantKind
        path: string
      }>
      // Preset roles that were provisioned before grants had scopes get the preset's scopes.
      for (const tenant of tenants) {
        await db.rawQuery(`select set_config('app.tenant_id', ?, true)`, [String(tenant.id)])
        for (const role of presets[tenant.kind]?.roles ?? []) {
          if (!role.scopes) continue
          await db.rawQuery(`update roles set scopes = ?::jsonb where key = ? and scopes = '{}'`, [
            JSON.stringify(role.scopes),
            role.key,
          ])
        }
      }
      for (const table of SUBTREE_TABLES) {
        await db.rawQuery(`alter table ${table} add column tenant_path ltree`)
        // Existing rows, tenant by tenant: RLS is forced even for the owner.
        for (const tenant of tenants) {
          await db.rawQuery(`select set_config('app.tenant_id', ?, true)`, [String(tenant.id)])
          await db.rawQuery(`update ${table} set tenant_path = ?::ltree where tenant_id = ?`, [
            tenant.path,
            tenant.id,
          ])
        }
        await db.rawQuery(`select set_config('app.tenant_id', '', true)`)
        await db.rawQuery(`alter table ${table} alter column tenant_path set not null`)
        await db.rawQuery(
          `create trigger ${table}_tenant_path before insert on ${table}
             for each row execute function kabinet_fill_tenant_path()`
        )
        await db.rawQuery(
          `create index ${table}_tenant_path_gist on ${table} using gist (tenant_path)`
        )
        await db.rawQuery(
          `create policy ${table}_subtree_read on ${table} for select
             using (${SUBTREE_SCOPE_SQL} is not null and tenant_path <@ ${SUBTREE_SCOPE_SQL})`
        )
      }
    })
  }

  async down() {
    this.defer(async (db) => {
      for (const table of SUBTREE_TABLES) {
        await db.rawQuery(`drop policy if exists ${table}_subtree_read on ${table}`)
        await db.rawQuery(`drop trigger if exists ${table}_tenant_path on ${table}`)
        await db.rawQuery(`alter table ${table} drop column if exists tenant_path`)
      }
      await db.rawQuery(`drop function if exists kabinet_fill_tenant_path()`)
    })
    this.schema.alterTable('roles', (table) => table.dropColumn('scopes'))
  }
}
