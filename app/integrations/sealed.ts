/*
 * vault:rotate (app/vault/rotate.ts): the sealed fields of integration credentials, each
 * re-sealed with its own tenant, provider and field binding.
 */
import { VaultError } from '#app/vault/key_ring'
import type { Resealer } from '#app/vault/rotate'
import IntegrationCredential from '#app/integrations/models/integration_credential'

const resealCredentialFields: Resealer = async (tenantId, ring) => {
  // Inside the tenant's transaction (vault:rotate runs one per tenant): the model's filter is its.
  const credentials = await IntegrationCredential.query()
    .forUpdate()
    .select('id', 'provider', 'secrets')
    .pojo<{ id: number; provider: string; secrets: Record<string, string> }>()
  let resealed = 0
  let failed = 0
  for (const row of credentials) {
    const secrets = { ...row.secrets }
    let changed = false
    for (const [field, sealed] of Object.entries(row.secrets ?? {})) {
      if (!ring.needsReseal(sealed)) continue
      const binding = { tenantId, provider: row.provider, field }
      try {
        secrets[field] = ring.seal(ring.open(sealed, binding), binding)
        changed = true
        resealed++
      } catch (error) {
        if (!(error instanceof VaultError)) throw error
        failed++
      }
    }
    if (changed) {
      await IntegrationCredential.query()
        .where('id', row.id)
        .update({ secrets: JSON.stringify(secrets) })
    }
  }
  return { resealed, failed }
}

export default resealCredentialFields
