import { test } from '@japa/runner'
import { canonicalHost, guardTarget, isPublicAddress } from '#app/integrations/ssrf'

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

  test('IPv6 forms that carry a non-public IPv4 address are refused', ({ assert }) => {
    const refused = [
      // IPv4-compatible ::/96, as written and as a URL parser writes it
      '::127.0.0.1',
      '::7f00:1',
      '::10.0.0.1',
      '::169.254.169.254',
      // IPv4-mapped ::ffff:0:0/96 and IPv4-translated ::ffff:0:0:0/96
      '::ffff:192.168.1.1',
      '::ffff:0:127.0.0.1',
      '0:0:0:0:0:ffff:7f00:1',
      // NAT64 64:ff9b::/96, and the local-use 64:ff9b:1::/48
      '64:ff9b::127.0.0.1',
      '64:ff9b::a00:1',
      '64:ff9b:1::808:808',
      // 6to4 2002::/16: the IPv4 is in bits 16-47
      '2002:7f00:1::',
      '2002:a9fe:a9fe::1',
      '2002:c0a8:101::1',
      // Teredo 2001::/32: server in bits 32-63, client inverted in the last 32 bits
      '2001:0:7f00:1::808:808',
      '2001:0:808:808::80ff:fffe', // client 127.0.0.1
      '2001:0:808:808::f5ff:fffe', // client 10.0.0.1
      // a zone id is not an address to connect to
      'fe80::1%eth0',
    ]
    for (const address of refused) assert.isFalse(isPublicAddress(address), address)
    const allowed = [
      '::8.8.8.8', // IPv4-compatible but public
      '::ffff:93.184.216.34',
      '64:ff9b::808:808', // NAT64 of 8.8.8.8
      '2002:808:808::1', // 6to4 of 8.8.8.8
      '2001:0:808:808::f7f7:f7f7', // Teredo: server 8.8.8.8, client 8.8.8.8
      '2a00:1450:4001:80b::200e',
    ]
    for (const address of allowed) assert.isTrue(isPublicAddress(address), address)
  })

  test('guardTarget refuses a bracketed IPv4-compatible literal', async ({ assert }) => {
    for (const host of ['[::127.0.0.1]', '[::ffff:127.0.0.1]', '[2002:7f00:1::]']) {
      await assert.rejects(() => guardTarget(host, 25))
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
