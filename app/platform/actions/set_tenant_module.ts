/*
 * Switching a business module on or off for a tenant (issue #4 §1): only modules its parent
 * has (the registry then keeps the whole subtree inside), never a platform module, dependencies
 * first on and last off. The change reaches every process after commit (registry invalidation).
 */
import { currentTenantScope } from '#app/core/database/tenant_context'
import { moduleCatalog } from '#app/core/modules/registry'
import { invalidateRegistryAfterCommit } from '#app/tenancy/registry_invalidation'
import type { ResolvedTenant } from '#app/tenancy/tenant_registry'

export type ModuleError =
  'unknown_module' | 'parent_lacks_module' | 'needs_module' | 'needed_by_module'

export class SetTenantModule {
  async handle(
    tenant: ResolvedTenant,
    parent: ResolvedTenant | null,
    moduleKey: string,
    enabled: boolean
  ): Promise<{ ok: true; before: boolean } | { ok: false; error: ModuleError; module?: string }> {
    const catalog = await moduleCatalog()
    const manifest = catalog.modules.get(moduleKey)
    if (!manifest?.toggleable) return { ok: false, error: 'unknown_module' }
    const before = tenant.modules.has(moduleKey)
    const wanted = new Set(tenant.modules)
    if (enabled) {
      if (parent && !parent.modules.has(moduleKey)) {
        return { ok: false, error: 'parent_lacks_module' }
      }
      const missing = (manifest.dependsOn ?? []).find(
        (key) => catalog.modules.get(key)?.toggleable && !wanted.has(key)
      )
      if (missing) return { ok: false, error: 'needs_module', module: missing }
      wanted.add(moduleKey)
    } else {
      const dependent = [...wanted].find((key) =>
        catalog.modules.get(key)?.dependsOn?.includes(moduleKey)
      )
      if (dependent) return { ok: false, error: 'needed_by_module', module: dependent }
      wanted.delete(moduleKey)
    }
    const trx = currentTenantScope()?.trx
    if (!trx) throw new Error('SetTenantModule runs inside a tenant transaction')
    await trx
      .table('tenant_modules')
      .insert({ tenant_id: tenant.id, module_key: moduleKey, enabled, updated_at: new Date() })
      .onConflict(['tenant_id', 'module_key'])
      .merge(['enabled', 'updated_at'])
    await invalidateRegistryAfterCommit()
    return { ok: true, before }
  }
}
