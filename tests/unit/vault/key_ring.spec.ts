import { test } from '@japa/runner'
import { KeyRing, VaultError } from '#app/vault/key_ring'

const binding = { tenantId: 7, provider: 'smtp', field: 'password' }

test.group('Credential key ring (SECURITY S1)', () => {
  test('seals with the newest key and opens with the same binding only', ({ assert }) => {
    const ring = new KeyRing(`${KeyRing.generateEntry('k2')},${KeyRing.generateEntry('k1')}`)
    const sealed = ring.seal('s3cret-value', binding)
    assert.equal(KeyRing.keyIdOf(sealed), 'k2')
    assert.notInclude(sealed, 's3cret-value')
    assert.equal(ring.open(sealed, binding), 's3cret-value')
    // Copied to another tenant's row, another provider or another field: it does not open.
    for (const other of [
      { ...binding, tenantId: 8 },
      { ...binding, provider: 'psp' },
      { ...binding, field: 'username' },
    ]) {
      assert.throws(() => ring.open(sealed, other), VaultError)
    }
    // Tampered: it does not open either.
    const parts = sealed.split('.')
    parts[4] = Buffer.from('tampered').toString('base64url')
    assert.throws(() => ring.open(parts.join('.'), binding), VaultError)
    // Two seals of one value differ (random IV).
    assert.notEqual(ring.seal('s3cret-value', binding), sealed)
  })

  test('an older key still opens its values until they are re-sealed; a removed key does not', ({
    assert,
  }) => {
    const old = KeyRing.generateEntry('2026a')
    const sealed = new KeyRing(old).seal('token', binding)
    const rotated = new KeyRing(`${KeyRing.generateEntry('2026b')},${old}`)
    assert.isTrue(rotated.needsReseal(sealed))
    assert.equal(rotated.open(sealed, binding), 'token')
    const resealed = rotated.seal(rotated.open(sealed, binding), binding)
    assert.isFalse(rotated.needsReseal(resealed))
    const withoutOld = new KeyRing(KeyRing.generateEntry('2026b'))
    assert.throws(() => withoutOld.open(sealed, binding), VaultError)
  })

  test('a malformed VAULT_KEYS stops the start, naming the problem', ({ assert }) => {
    assert.throws(() => new KeyRing(''), /empty/)
    assert.throws(() => new KeyRing('k1:short'), /32-byte/)
    const entry = KeyRing.generateEntry('k1')
    assert.throws(() => new KeyRing(`${entry},${entry}`), /twice/)
  })
})
