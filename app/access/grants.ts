/*
 * Grants: a permission with a scope (ARCHITECTURE §6). Staff grants come from their roles in
 * the tenant (`own` unless the role says `subtree`), client grants from the role of the active
 * company (`companies`). Both are cut to the tenant's live ceiling, and a scope must be one
 * the permission's manifest allows.
 */
import { moduleCatalog } from '#app/core/modules/registry'
import type { GrantScope } from '#app/core/modules/manifest'

export interface RoleGrantRow {
  permissions: string[]
  scopes: Partial<Record<string, GrantScope>> | null
}

export type Grants = Map<string, GrantScope>

const WIDTH: Record<GrantScope, number> = { companies: 0, own: 1, subtree: 2 }

export async function staffGrants(
  rows: RoleGrantRow[],
  ceiling: ReadonlySet<string>
): Promise<Grants> {
  const catalog = await moduleCatalog()
  const grants: Grants = new Map()
  for (const row of rows) {
    for (const permission of row.permissions) {
      if (!ceiling.has(permission)) continue
      const allowed = catalog.permissions.get(permission)?.scopes ?? []
      const wanted = row.scopes?.[permission] ?? (allowed.includes('own') ? 'own' : allowed[0])
      if (!wanted || !allowed.includes(wanted) || wanted === 'companies') continue
      const held = grants.get(permission)
      if (!held || WIDTH[wanted] > WIDTH[held]) grants.set(permission, wanted)
    }
  }
  return grants
}

export function clientGrants(permissions: string[], ceiling: ReadonlySet<string>): Grants {
  return new Map(
    permissions
      .filter((permission) => ceiling.has(permission))
      .map((permission) => [permission, 'companies' as const])
  )
}
