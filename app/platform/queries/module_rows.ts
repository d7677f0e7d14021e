import { moduleCatalog } from '#app/core/modules/registry'
import type { ResolvedTenant } from '#app/tenancy/tenant_registry'
import type { ModuleRow } from '#app/platform/pages'
export type { ModuleRow }

/** A tenant's business modules: on or off, and whether its parent has them to give. */
export async function moduleRows(
  tenant: ResolvedTenant,
  parent: ResolvedTenant | null
): Promise<ModuleRow[]> {
  const catalog = await moduleCatalog()
  return [...catalog.modules.values()]
    .filter((manifest) => manifest.toggleable)
    .map((manifest) => ({
      key: manifest.key,
      label: manifest.label,
      enabled: tenant.modules.has(manifest.key),
      available: !parent || parent.modules.has(manifest.key),
    }))
}
