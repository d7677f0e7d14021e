/*
 * `node ace vault:rotate`: re-seals every secret not sealed with the newest credential key
 * (older keys, or app encryption from before the key ring) with the newest one. One tenant per
 * transaction, so an interrupted run keeps what it did and the next run carries on; a run with
 * nothing left to do changes nothing. Today's secrets: users' TOTP seeds.
 */
import type { Database } from '@adonisjs/lucid/database'
import { runInTenant } from '#core/database/tenant_context'
import { openSecret, sealSecret } from '#auth/two_factor'
import type { KeyRing } from '#vault/key_ring'

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
    })
  }
  return { tenants: tenants.length, resealed, failed }
}
