/*
 * Removing a tenant's own credential for a provider (an inherited one is the ancestor's to
 * remove). The caller has demanded a recent password and audits the removal.
 */
import type { CredentialRow } from '#app/integrations/credential_vault'
import IntegrationCredential from '#app/integrations/models/integration_credential'

export class RemoveCredential {
  async handle(row: CredentialRow) {
    await IntegrationCredential.query().where('id', row.id).delete()
  }
}
