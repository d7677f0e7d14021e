/*
 * What each tenant may hold and how its staff sign in: its ceiling (its package within its
 * parent's ceiling, less the permissions of its switched-off modules), its package, its
 * second-factor rule and the addresses its cabinet accepts.
 */
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { computeCeilings } from '#app/access/ceiling'
import type { ModuleCatalog } from '#app/core/modules/registry'
import { IpRanges } from '#app/tenancy/trusted_proxies'
import { treeNode, type TenantRow } from '#app/tenancy/loaders/tenants'

export interface TenantAccess {
  /** Every permission this tenant (and so any role in it) may hold: see app/access/ceiling.ts. */
  ceiling: ReadonlySet<string>
  packageId: number | null
  /** Staff must sign in with a second factor (TOTP) on this tenant. */
  staffTwoFactorRequired: boolean
  /** Addresses the staff cabinet accepts; empty: any (issue #4 §3). */
  staffIpRanges: readonly string[]
  staffIpAllowList: IpRanges | null
}

function staffAllowList(entries: string[]): IpRanges | null {
  const valid = entries.filter((entry) => IpRanges.isValidEntry(entry))
  return valid.length ? new IpRanges(valid) : null
}

export async function loadAccess(
  connection: QueryClientContract,
  tenantRows: TenantRow[],
  enabled: ReadonlyMap<number, ReadonlySet<string>>,
  catalog: ModuleCatalog
): Promise<Map<number, TenantAccess>> {
  const packageRows = (await connection
    .from('permission_packages')
    .select('id', 'permissions')) as Array<{ id: number; permissions: string[] }>
  const packages = new Map(packageRows.map((row) => [Number(row.id), new Set(row.permissions)]))
  const rawCeilings = computeCeilings(
    tenantRows.map((row) => ({
      ...treeNode(row),
      packagePermissions:
        row.package_id === null ? null : (packages.get(Number(row.package_id)) ?? null),
    })),
    catalog.allPermissions
  )
  const access = new Map<number, TenantAccess>()
  for (const row of tenantRows) {
    const id = Number(row.id)
    // A switched-off module's permissions are held by nobody in that tenant (issue #4 §1).
    const on = enabled.get(id) ?? new Set<string>()
    const ceiling = [...(rawCeilings.get(id) ?? [])]
    access.set(id, {
      ceiling: new Set(ceiling.filter((key) => catalog.permissionAvailable(key, on))),
      packageId: row.package_id === null ? null : Number(row.package_id),
      staffTwoFactorRequired: row.staff_two_factor_required === true,
      staffIpRanges: row.staff_ip_ranges ?? [],
      staffIpAllowList: staffAllowList(row.staff_ip_ranges ?? []),
    })
  }
  return access
}
