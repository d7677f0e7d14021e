import type Tenant from '#app/tenancy/models/tenant'
import { invalidateRegistryAfterCommit } from '#app/tenancy/registry_invalidation'

export type SetTenantStatusResult = { ok: true } | { ok: false; error: 'root_cannot_be_disabled' }

/*
 * Enables or disables a tenant. A disabled tenant's domains (and its whole subtree's) serve
 * the neutral page at once; its data is kept.
 */
export class SetTenantStatus {
  async handle(tenant: Tenant, status: 'active' | 'disabled'): Promise<SetTenantStatusResult> {
    if (tenant.parentId === null && status === 'disabled') {
      return { ok: false, error: 'root_cannot_be_disabled' }
    }
    tenant.status = status
    await tenant.save()
    await invalidateRegistryAfterCommit()
    return { ok: true }
  }
}
