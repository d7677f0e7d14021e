/*
 * `node ace vault:rotate`: re-seals every secret not sealed with the newest credential key
 * (older keys, or app encryption from before the key ring) with the newest one. One tenant per
 * transaction, so an interrupted run keeps what it did and the next run carries on; a run with
 * nothing left to do changes nothing. The secrets: users' TOTP seeds and the sealed fields of
 * integration credentials (each re-sealed with its own tenant, provider and field binding).
 */
import type { Database } from '@adonisjs/lucid/database'
import { runInTenant } from '#app/core/database/tenant_context'
import { openSecret, sealSecret } from '#app/auth/two_factor'
import { VaultError, type KeyRing } from '#app/vault/key_ring'

export async function rotateSealedSecrets(db: Database, ring: KeyRing) {
  const tenants = (await db.from('tenants').orderBy('id').select('id')) as Array<{ id: number }>
  let resealed = 0
  let failed = 0
  for (const { id: tenantId } of tenants) {
    await runInTenant(db, tenantId, async () => {
      const rows = (await db
        .from('users')
        .where('tenant_id', tenantId)
        .whereNotNull('totp_secret')
        .forUpdate()
        .select('id', 'totp_secret')) as Array<{ id: number; totp_secret: string }>
      for (const row of rows) {
        if (!ring.needsReseal(row.totp_secret)) continue
        const owner = { tenantId, userId: row.id }
        const secret = openSecret(row.totp_secret, owner)
        // A value that opens nowhere stays as it is, counted: re-sealing would destroy it.
        if (!secret) {
          failed++
          continue
        }
        await db
          .from('users')
          .where({ tenant_id: tenantId, id: row.id })
          .update({ totp_secret: sealSecret(secret, owner) })
        resealed++
      }

      const credentials = (await db
        .from('integration_credentials')
        .where('tenant_id', tenantId)
        .forUpdate()
        .select('id', 'provider', 'secrets')) as Array<{
        id: number
        provider: string
        secrets: Record<string, string>
      }>
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
          await db
            .from('integration_credentials')
            .where({ tenant_id: tenantId, id: row.id })
            .update({ secrets: JSON.stringify(secrets) })
        }
      }
    })
  }
  return { tenants: tenants.length, resealed, failed }
}
