import { test } from '@japa/runner'
import { canonicalHost, guardTarget, isPublicAddress } from '#integrations/ssrf'

test.group('SSRF guard (S7)', () => {
  test('numeric and short IPv4 spellings are read as the address they are', ({ assert }) => {
    for (const spelling of ['2130706433', '0x7f000001', '0177.0.0.1', '127.1', '127.0.0.1']) {
      assert.equal(canonicalHost(spelling), '127.0.0.1', spelling)
    }
    assert.equal(canonicalHost('[::1]'), '::1')
    assert.equal(canonicalHost('::ffff:127.0.0.1'), '::ffff:7f00:1')
    assert.isNull(canonicalHost('example.com:25'))
    assert.isNull(canonicalHost('a b'))
    assert.isNull(canonicalHost('user@example.com'))
  })

  test('loopback, private, link-local, CGNAT, multicast and reserved addresses are not public', ({
    assert,
  }) => {
    for (const address of [
      '127.0.0.1',
      '0.0.0.0',
      '10.1.2.3',
      '172.31.255.255',
      '192.168.0.1',
      '169.254.169.254',
      '100.64.0.1',
      '224.0.0.1',
      '255.255.255.255',
      '::1',
      '::',
      'fc00::1',
      'fe80::1',
      '::ffff:7f00:1',
      '::ffff:10.0.0.1',
    ]) {
      assert.isFalse(isPublicAddress(address), address)
    }
    for (const address of ['93.184.216.34', '8.8.8.8', '2a00:1450:4001:80b::200e']) {
      assert.isTrue(isPublicAddress(address), address)
    }
  })

  test('guardTarget refuses internal literals before any connection', async ({ assert }) => {
    for (const host of ['127.0.0.1', '2130706433', '[::1]', '10.0.0.1']) {
      await assert.rejects(() => guardTarget(host, 25))
    }
    await assert.rejects(() => guardTarget('93.184.216.34', 0))
    assert.deepEqual(await guardTarget('93.184.216.34', 443), {
      host: '93.184.216.34',
      port: 443,
      address: '93.184.216.34',
    })
  })
})
