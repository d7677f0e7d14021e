/*
 * The agent's subtree and its own packages. The subtree is read through the explicit ltree
 * path (indexed: tenants_path_gist), never by walking parents one query at a time.
 */
import db from '@adonisjs/lucid/services/db'
import { moduleCatalog } from '#app/core/modules/registry'
import type { ResolvedTenant } from '#app/tenancy/tenant_registry'
import type { GrantScope } from '#app/core/modules/manifest'
import type { GrantableRow } from '#app/access/pages'
import type { PackageRow } from '#app/access/pages'
import type { SubAgentRow } from '#app/access/pages'
export type { SubAgentRow }
export type { PackageRow }
export type { GrantableRow }

export async function subAgentsOf(tenant: ResolvedTenant): Promise<SubAgentRow[]> {
  const rows = await db
    .from('tenants')
    .leftJoin('permission_packages', 'permission_packages.id', 'tenants.package_id')
    .whereRaw('tenants.path <@ ?::ltree', [tenant.path])
    .whereNot('tenants.id', tenant.id)
    .orderBy('tenants.path')
    .select(
      'tenants.id',
      'tenants.parent_id',
      'tenants.depth',
      'tenants.slug',
      'tenants.name',
      'tenants.status',
      'permission_packages.name as package_name'
    )
  return rows.map((row) => ({
    id: row.id,
    parentId: row.parent_id,
    depth: row.depth - tenant.depth,
    slug: row.slug,
    name: row.name,
    status: row.status,
    packageName: row.package_name,
  }))
}

export async function packagesOf(tenant: ResolvedTenant): Promise<PackageRow[]> {
  const rows = await db
    .from('permission_packages')
    .where('owner_tenant_id', tenant.id)
    .orderBy('name')
    .select(
      'id',
      'name',
      'permissions',
      db.raw(
        '(select count(*) from tenants t where t.package_id = permission_packages.id) as tenants'
      )
    )
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    permissions: row.permissions,
    tenants: Number(row.tenants),
  }))
}

/** What this actor may put into a package: its own permissions, labelled. */
/** What the actor may put in a role or a package, per the delegation rule. */
export async function grantable(
  grants: ReadonlyMap<string, GrantScope>,
  ceiling: ReadonlySet<string>
): Promise<GrantableRow[]> {
  const catalog = await moduleCatalog()
  return [...catalog.permissions.values()]
    .map((permission) => ({
      key: permission.key,
      module: permission.module,
      label: permission.label,
      staff: grants.has(permission.key),
      client: permission.scopes.includes('companies') && ceiling.has(permission.key),
      subtree: grants.get(permission.key) === 'subtree',
    }))
    .filter((row) => row.staff || row.client)
}
