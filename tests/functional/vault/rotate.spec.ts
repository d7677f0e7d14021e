import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import encryption from '@adonisjs/core/services/encryption'
import { KeyRing } from '#app/vault/key_ring'
import { vaultKeyRing } from '#app/vault/vault'
import { openSecret, sealSecret } from '#app/auth/two_factor'
import { rotateSealedSecrets } from '#app/vault/rotate'
import { inTenant, newUser } from '#tests/support/people'

const secretOf = (slug: string, id: number) =>
  inTenant(slug, () => db.from('users').where('id', id).first()).then(
    (row) => row.totp_secret as string
  )
const setSecret = (slug: string, id: number, value: string) =>
  inTenant(slug, () => db.from('users').where('id', id).update({ totp_secret: value }))

test.group('vault:rotate', () => {
  test('re-seals secrets from app encryption and older keys with the newest key, once', async ({
    assert,
  }) => {
    const ring = vaultKeyRing()!
    const tenantId = Number((await db.from('tenants').where('slug', 'rail').firstOrFail()).id)
    const legacy = await newUser('rail', 'staff')
    const current = await newUser('rail', 'staff')
    await setSecret('rail', legacy.id, encryption.encrypt('LEGACYSECRET', undefined, 'totp'))
    const sealedNow = sealSecret('CURRENTSECRET', { tenantId, userId: current.id })
    await setSecret('rail', current.id, sealedNow)

    const first = await rotateSealedSecrets(db, ring)
    assert.isAtLeast(first.resealed, 1)
    const rotated = await secretOf('rail', legacy.id)
    assert.equal(KeyRing.keyIdOf(rotated), ring.newestId)
    assert.equal(openSecret(rotated, { tenantId, userId: legacy.id }), 'LEGACYSECRET')
    // Already on the newest key: untouched; and a second run has nothing to do.
    assert.equal(await secretOf('rail', current.id), sealedNow)
    const second = await rotateSealedSecrets(db, ring)
    assert.equal(second.resealed, 0)
  })
})
