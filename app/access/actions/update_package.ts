import app from '@adonisjs/core/services/app'
import { currentTenantScope } from '#core/database/tenant_context'
import { moduleCatalog } from '#core/modules/registry'
import { isWithin } from '#access/ceiling'
import { invalidateRegistryAfterCommit } from '#tenancy/registry_invalidation'

export type UpdatePackageResult =
  { ok: true } | { ok: false; error: 'package_not_found' | 'unknown_permission' | 'beyond_ceiling' }

/*
 * Replaces a permission package's permissions, as its owner (the tenant that defines it for
 * its children). The new set must name known permissions and stay inside the owner's own
 * ceiling: nobody grants more than it holds. Every tenant on the package, and their whole
 * subtrees, get the new ceiling at once (computed live, nothing copied).
 */
export class UpdatePermissionPackage {
  async handle(ownerTenantId: number, packageId: number, permissions: string[]) {
    const trx = currentTenantScope()?.trx
    if (!trx) throw new Error('UpdatePermissionPackage runs inside a tenant transaction')
    const row = await trx
      .from('permission_packages')
      .where('id', packageId)
      .where('owner_tenant_id', ownerTenantId)
      .forUpdate()
      .first()
    if (!row) return { ok: false, error: 'package_not_found' } satisfies UpdatePackageResult
    const catalog = await moduleCatalog()
    if (catalog.unknown(permissions).length > 0) {
      return { ok: false, error: 'unknown_permission' } satisfies UpdatePackageResult
    }
    const registry = await app.container.make('tenancy.registry')
    const ownerCeiling = (await registry.tenant(ownerTenantId))?.ceiling ?? new Set<string>()
    if (!isWithin(permissions, ownerCeiling)) {
      return { ok: false, error: 'beyond_ceiling' } satisfies UpdatePackageResult
    }
    await trx
      .from('permission_packages')
      .where('id', packageId)
      .update({ permissions: [...new Set(permissions)].sort(), updated_at: new Date() })
    await invalidateRegistryAfterCommit()
    return { ok: true } satisfies UpdatePackageResult
  }
}
