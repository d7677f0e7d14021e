/* Each tenant's enabled business modules, from the rows of `tenant_modules` switched on. */
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { ModuleCatalog } from '#app/core/modules/registry'
import { treeNode, type TenantRow } from '#app/tenancy/loaders/tenants'

/*
 * A tenant's business modules: the root has every one; any other tenant those switched on for
 * it that its parent has too (parents first), so switching a module off for an agent takes it
 * from its whole subtree at once.
 */
export function computeEnabledModules(
  nodes: Array<{ id: number; parentId: number | null }>,
  rows: Array<{ tenant_id: number; module_key: string }>,
  toggleable: ReadonlySet<string>
): Map<number, Set<string>> {
  const own = new Map<number, Set<string>>()
  for (const row of rows) {
    const id = Number(row.tenant_id)
    if (!own.has(id)) own.set(id, new Set())
    own.get(id)!.add(row.module_key)
  }
  const result = new Map<number, Set<string>>()
  for (const node of nodes) {
    if (node.parentId === null) {
      result.set(node.id, new Set(toggleable))
      continue
    }
    const parent = result.get(node.parentId) ?? new Set<string>()
    result.set(node.id, new Set([...(own.get(node.id) ?? [])].filter((key) => parent.has(key))))
  }
  return result
}

export async function loadEnabledModules(
  connection: QueryClientContract,
  tenantRows: TenantRow[],
  catalog: ModuleCatalog
): Promise<Map<number, Set<string>>> {
  const rows = (await connection
    .from('tenant_modules')
    .where('enabled', true)
    .select('tenant_id', 'module_key')) as Array<{ tenant_id: number; module_key: string }>
  return computeEnabledModules(tenantRows.map(treeNode), rows, catalog.toggleableModules)
}
