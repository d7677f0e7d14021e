/* Each tenant's effective brand: its tokens over its ancestors' (never the platform's own). */
import { effectiveBrand, type EffectiveBrand } from '#app/brand/brand_tokens'
import type { TenantRow } from '#app/tenancy/loaders/tenants'

export function brandsOf(
  rows: TenantRow[],
  byId: ReadonlyMap<number, TenantRow>
): Map<number, EffectiveBrand> {
  const brands = new Map<number, EffectiveBrand>()
  for (const row of rows) {
    const chain = []
    // Walk up to (not including) the root: the platform's brand is never inherited.
    for (let node: TenantRow | undefined = row; node;) {
      if (node.parent_id === null && node !== row) break
      chain.unshift({ tenantId: Number(node.id), name: node.name, brand: node.brand })
      node = node.parent_id === null ? undefined : byId.get(Number(node.parent_id))
    }
    brands.set(Number(row.id), effectiveBrand(chain))
  }
  return brands
}
