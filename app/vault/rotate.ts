/*
 * `node ace vault:rotate`: re-seals every secret not sealed with the newest credential key
 * (older keys, or app encryption from before the key ring) with the newest one. One tenant per
 * transaction, so an interrupted run keeps what it did and the next run carries on; a run with
 * nothing left to do changes nothing. Which secrets: each module that seals some says so in its
 * `app/<module>/sealed.ts` (users' TOTP seeds in auth, credential fields in integrations).
 */
import type { Database } from '@adonisjs/lucid/database'
import { runInTenant } from '#app/core/database/tenant_context'
import { importFromModules } from '#app/core/modules/discover'
import type { KeyRing } from '#app/vault/key_ring'

/** What re-sealing one module's secrets of one tenant did; values that open nowhere are kept. */
export interface ResealCount {
  resealed: number
  failed: number
}

/** A module's re-sealer: runs inside the tenant's transaction (its models' queries are that tenant's), with the newest ring. */
export type Resealer = (tenantId: number, ring: KeyRing) => Promise<ResealCount>

export async function rotateSealedSecrets(db: Database, ring: KeyRing) {
  const resealers = (await importFromModules<{ default: Resealer }>('sealed.ts')).map(
    ({ exports }) => exports.default
  )
  const tenants = (await db.from('tenants').orderBy('id').select('id')) as Array<{ id: number }>
  let resealed = 0
  let failed = 0
  for (const { id: tenantId } of tenants) {
    await runInTenant(db, tenantId, async () => {
      for (const reseal of resealers) {
        const count = await reseal(tenantId, ring)
        resealed += count.resealed
        failed += count.failed
      }
    })
  }
  return { tenants: tenants.length, resealed, failed }
}
