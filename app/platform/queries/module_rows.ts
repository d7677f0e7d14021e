import { moduleCatalog } from '#core/modules/registry'
import type { ResolvedTenant } from '#tenancy/tenant_registry'
import type { Translated } from '#tenants/types'

export type ModuleRow = { key: string; label: Translated; enabled: boolean; available: boolean }

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
