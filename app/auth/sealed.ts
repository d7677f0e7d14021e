/* vault:rotate (app/vault/rotate.ts): users' TOTP seeds, each bound to its tenant and user. */
import { openSecret, sealSecret } from '#app/auth/two_factor'
import type { Resealer } from '#app/vault/rotate'
import User from '#app/auth/models/user'

const resealTotpSeeds: Resealer = async (tenantId, ring) => {
  // Inside the tenant's transaction (vault:rotate runs one per tenant): the model's filter is its.
  const rows = await User.query()
    .whereNotNull('totp_secret')
    .forUpdate()
    .select('id', 'totp_secret')
    .pojo<{ id: number; totp_secret: string }>()
  let resealed = 0
  let failed = 0
  for (const row of rows) {
    if (!ring.needsReseal(row.totp_secret)) continue
    const owner = { tenantId, userId: row.id }
    const secret = openSecret(row.totp_secret, owner)
    // A value that opens nowhere stays as it is, counted: re-sealing would destroy it.
    if (!secret) {
      failed++
      continue
    }
    await User.query()
      .where('id', row.id)
      .update({ totp_secret: sealSecret(secret, owner) })
    resealed++
  }
  return { resealed, failed }
}

export default resealTotpSeeds
