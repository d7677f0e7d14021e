/*
 * Removing a tenant's own credential for a provider (an inherited one is the ancestor's to
 * remove). The caller has demanded a recent password and audits the removal.
 */
import { currentTenantScope } from '#app/core/database/tenant_context'
import type { CredentialRow } from '#app/integrations/credential_vault'

export class RemoveCredential {
  async handle(tenantId: number, row: CredentialRow) {
    await currentTenantScope()!
      .trx!.from('integration_credentials')
      .where({ tenant_id: tenantId, id: row.id })
      .delete()
  }
}
