/*
 * Effective ceilings (ARCHITECTURE §6): the root may hold every permission in the catalog;
 * any other tenant holds at most its package intersected with its parent's ceiling.
 * Computed from the tree every time it changes, never copied, so shrinking a parent's
 * package shrinks its whole subtree at once. A tenant without a package holds nothing
 * (fail closed).
 */
export interface CeilingNode {
  id: number
  parentId: number | null
  /** The permissions of the tenant's package; null when it has none. */
  packagePermissions: ReadonlySet<string> | null
}

export function intersect(a: ReadonlySet<string>, b: ReadonlySet<string>): Set<string> {
  const result = new Set<string>()
  for (const item of a) if (b.has(item)) result.add(item)
  return result
}

export function isWithin(candidate: Iterable<string>, ceiling: ReadonlySet<string>): boolean {
  for (const item of candidate) if (!ceiling.has(item)) return false
  return true
}

/** The ceiling of every node; nodes must be ordered parents first (by depth). */
export function computeCeilings(
  nodes: Iterable<CeilingNode>,
  catalog: ReadonlySet<string>
): Map<number, Set<string>> {
  const ceilings = new Map<number, Set<string>>()
  for (const node of nodes) {
    if (node.parentId === null) {
      ceilings.set(node.id, new Set(catalog))
      continue
    }
    const parent = ceilings.get(node.parentId) ?? new Set<string>()
    ceilings.set(
      node.id,
      node.packagePermissions ? intersect(node.packagePermissions, parent) : new Set()
    )
  }
  return ceilings
}
