/*
 * Whether a tenant's mail may go through the platform's mail server when it has no SMTP of its
 * own; sub-agents that left it unset follow (the registry computes it). The caller has demanded
 * a recent password and audits the change.
 */
import { currentTenantScope } from '#app/core/database/tenant_context'
import { invalidateRegistryAfterCommit } from '#app/tenancy/registry_invalidation'

export class SetMailFallback {
  async handle(tenantId: number, enabled: boolean) {
    await currentTenantScope()!
      .trx!.from('tenants')
      .where('id', tenantId)
      .update({ mail_platform_fallback: enabled })
    await invalidateRegistryAfterCommit()
  }
}
