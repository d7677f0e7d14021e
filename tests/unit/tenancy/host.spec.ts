import { test } from '@japa/runner'
import { normalizeHost } from '#app/tenancy/host'
import { TrustedProxies } from '#app/tenancy/trusted_proxies'

test.group('normalizeHost', () => {
  test('lower-cases, drops the port and trailing dots', ({ assert }) => {
    assert.equal(normalizeHost('FUEL.LocalHost:3333'), 'fuel.localhost')
    assert.equal(normalizeHost('fuel.localhost.'), 'fuel.localhost')
    assert.equal(normalizeHost('portal.example.com..:443'), 'portal.example.com')
  })

  test('refuses what cannot be a served hostname', ({ assert }) => {
    for (const raw of [
      '',
      '   ',
      '127.0.0.1',
      '127.0.0.1:3333',
      '[::1]:3333',
      '::1',
      'a_b.test',
      'x.test:abc',
      'evil.test/path',
    ]) {
      assert.isNull(normalizeHost(raw), raw)
    }
    assert.isNull(normalizeHost(undefined))
  })
})

test.group('TrustedProxies', () => {
  test('trusts exact addresses and IPv4 ranges only', ({ assert }) => {
    const proxies = new TrustedProxies('10.0.0.0/8, 192.168.1.5, ::1')
    assert.isTrue(proxies.trusts('10.2.3.4'))
    assert.isTrue(proxies.trusts('::ffff:10.2.3.4'))
    assert.isTrue(proxies.trusts('192.168.1.5'))
    assert.isTrue(proxies.trusts('::1'))
    assert.isFalse(proxies.trusts('192.168.1.6'))
    assert.isFalse(proxies.trusts('127.0.0.1'))
    assert.isFalse(new TrustedProxies(undefined).trusts('127.0.0.1'))
  })

  test('rejects a malformed list at start-up', ({ assert }) => {
    assert.throws(() => new TrustedProxies('not-an-ip'), /TRUSTED_PROXIES/)
  })
})
