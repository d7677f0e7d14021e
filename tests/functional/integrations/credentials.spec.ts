import { test } from '@japa/runner'
import net from 'node:net'
import { readFileSync } from 'node:fs'
import router from '@adonisjs/core/services/router'
import db from '@adonisjs/lucid/services/db'
import { KeyRing } from '#app/vault/key_ring'
import { vaultKeyRing } from '#app/vault/vault'
import { rotateSealedSecrets } from '#app/vault/rotate'
import app from '@adonisjs/core/services/app'
import { effectiveCredential, useCredential, vaultUses } from '#app/integrations/credential_vault'
import { collectTerminal } from '#app/pos/providers/psp'
import { MissingCodeMapping } from '#app/integrations/code_mapping'
import { recordSystemAudit } from '#app/audit/audit'
import { SANDBOX_CREDENTIALS } from '#app/integrations/sandbox/sandbox_server'
import { inTenant } from '#tests/support/people'
import { newBusiness } from '#tests/support/businesses'
import { testSandbox } from '#tests/support/sandbox'
import { dnsStub } from '#tests/support/dns_stub'
import type { Visitor } from '#tests/support/http'

/*
 * Integration credentials (issue #4 §3; SECURITY S1, S2, S3, S5, S6, S7). The businesses are POS
 * agents (they have payment companies), whose people read Persian.
 */
const psp = () => ({
  baseUrl: testSandbox.current.baseUrls.psp,
  username: SANDBOX_CREDENTIALS.psp.username,
  password: SANDBOX_CREDENTIALS.psp.password,
})

async function confirmed(visitor: Visitor) {
  const response = await visitor.send('POST', '/account/confirm-password', {
    password: 'kabinet-demo',
  })
  if (response.status !== 200) throw new Error(response.body)
  return visitor
}

async function posBusiness(options: { parentSlug?: string } = {}) {
  const business = await newBusiness({ kind: 'pos_agent', ...options })
  await confirmed(business.admin)
  return business
}

const stored = (slug: string, provider = 'psp') =>
  inTenant(slug, () => db.from('integration_credentials').where('provider', provider).first())

const auditCount = (slug: string, action: string) =>
  inTenant(slug, () =>
    db
      .from('audit_log')
      .where('action', action)
      .count('* as total')
      .then(([row]) => Number(row.total))
  )

/** A loopback listener nobody allow-listed: it counts the connections that reach it. */
async function trap() {
  let connections = 0
  const server = net.createServer((socket) => {
    connections++
    socket.destroy()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as net.AddressInfo).port,
    get connections() {
      return connections
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

test.group('Integration credentials: storing and showing', () => {
  test('changing credentials needs the password typed within the last minutes (S6)', async ({
    assert,
  }) => {
    const business = await newBusiness({ kind: 'pos_agent' })
    const refused = await business.admin.send('PUT', '/cabinet/integrations/psp', {
      settings: psp(),
    })
    assert.equal(refused.status, 403)
    assert.equal(refused.json<{ error: string }>().error, 'reauthentication_required')
    assert.isNull(await stored(business.slug))
    await confirmed(business.admin)
    const saved = await business.admin.send('PUT', '/cabinet/integrations/psp', { settings: psp() })
    assert.equal(saved.status, 200, saved.body)
    assert.isNotNull(await stored(business.slug))
  })

  test('secrets are sealed and never come back: pages, answers, the audit and the app log (S1, S2)', async ({
    assert,
  }) => {
    const business = await posBusiness()
    const canary = `canary-${Date.now()}-Zq9`
    const saved = await business.admin.send('PUT', '/cabinet/integrations/psp', {
      settings: { ...psp(), password: canary },
      shareWithSubagents: true,
    })
    assert.equal(saved.status, 200, saved.body)
    const row = await stored(business.slug)
    const ciphertext = row.secrets.password as string
    assert.notInclude(JSON.stringify(row), canary)
    assert.equal(KeyRing.keyIdOf(ciphertext), vaultKeyRing()!.newestId)

    const { page } = await business.admin.page<{
      providers: Array<{ key: string; own: { secrets: Record<string, { configured: boolean }> } }>
    }>('/cabinet/integrations')
    const pspCard = page.props.providers.find((provider) => provider.key === 'psp')!
    assert.deepEqual(pspCard.own.secrets, { password: { configured: true } })

    // Every page and JSON answer this person can open, the audit log and the app's log.
    const paths = Object.values(router.toJSON())
      .flat()
      .filter((route) => route.methods.includes('GET') && !route.pattern.includes(':'))
      // The live notification stream never ends (and carries only notification ids).
      .filter((route) => route.name !== 'notifications.stream')
      .map((route) => route.pattern)
    const seen: string[] = []
    for (const path of paths) {
      const response = await business.admin.get(path)
      seen.push(response.body)
      await business.admin.get(path, { accept: 'application/json' }).then((r) => seen.push(r.body))
    }
    // A refused change and a forced error answer too.
    seen.push(
      (
        await business.admin.send('PUT', '/cabinet/integrations/psp', {
          settings: { baseUrl: 'x' },
        })
      ).body
    )
    seen.push((await business.admin.send('POST', '/cabinet/integrations/psp/test', {})).body)
    const audit = await inTenant(business.slug, () =>
      db.from('audit_log').select('before', 'after')
    )
    seen.push(JSON.stringify(audit))
    seen.push(readFileSync(process.env.LOG_FILE!, 'utf8'))
    for (const text of seen) {
      assert.notInclude(text, canary)
      assert.notInclude(text, ciphertext)
      assert.notInclude(text, ciphertext.split('.').at(-1)!)
    }
  }).timeout(60000)

  test('a blank secret keeps the stored one; a required secret never given is refused, in the reader’s language', async ({
    assert,
  }) => {
    const business = await posBusiness()
    const missing = await business.admin.send('PUT', '/cabinet/integrations/psp', {
      settings: { baseUrl: psp().baseUrl, username: 'x' },
    })
    assert.equal(missing.status, 422)
    assert.deepEqual(missing.json<any>().errors, [
      { field: 'settings.password', message: 'این رمز لازم است.' },
    ])
    assert.isNull(await stored(business.slug))

    await business.admin.send('PUT', '/cabinet/integrations/psp', { settings: psp() })
    const before = (await stored(business.slug)).secrets.password
    const renamed = await business.admin.send('PUT', '/cabinet/integrations/psp', {
      settings: { baseUrl: psp().baseUrl, username: psp().username, password: '' },
    })
    assert.equal(renamed.status, 200, renamed.body)
    assert.equal((await stored(business.slug)).secrets.password, before)
    const tested = await business.admin.send('POST', '/cabinet/integrations/psp/test', {})
    assert.isTrue(tested.json<{ ok: boolean }>().ok, tested.body)

    // Changes are audited by field name only.
    const change = await inTenant(business.slug, () =>
      db.from('audit_log').where('action', 'integrations.credential_created').firstOrFail()
    )
    assert.deepEqual(change.after, { provider: 'psp', fields: ['baseUrl', 'username', 'password'] })
  })

  test('a provider of a module the business lacks is not there', async ({ assert }) => {
    const business = await newBusiness({ kind: 'fuel_reseller' })
    await confirmed(business.admin)
    const response = await business.admin.send('PUT', '/cabinet/integrations/psp', {
      settings: psp(),
    })
    assert.equal(response.status, 404)
    const { page } = await business.admin.page<{ providers: Array<{ key: string }> }>(
      '/cabinet/integrations'
    )
    assert.sameMembers(
      page.props.providers.map((provider) => provider.key),
      ['smtp', 'fuel_supplier', 'bank', 'accounting_1c']
    )
  })
})

test.group('Integration credentials: using them', () => {
  test('test connection: the sandbox accepts good credentials and refuses bad ones; health is kept; every use is audited (S5)', async ({
    assert,
  }) => {
    const business = await posBusiness()
    await business.admin.send('PUT', '/cabinet/integrations/psp', { settings: psp() })
    const usesBefore = vaultUses.opened
    const auditBefore = await auditCount(business.slug, 'integrations.credential_used')

    const ok = await business.admin.send('POST', '/cabinet/integrations/psp/test', {})
    assert.deepEqual(ok.json<any>(), { ok: true, message: 'متصل شد (HTTP 200).' })
    let row = await stored(business.slug)
    assert.isNotNull(row.last_success_at)
    assert.isNull(row.last_error)

    await business.admin.send('PUT', '/cabinet/integrations/psp', {
      settings: { ...psp(), password: 'wrong' },
    })
    const refused = await business.admin.send('POST', '/cabinet/integrations/psp/test', {})
    assert.deepEqual(refused.json<any>(), {
      ok: false,
      message: 'ارائه‌دهنده این اطلاعات ورود را نپذیرفت.',
    })
    row = await stored(business.slug)
    assert.equal(row.last_error, 'credentials_refused')

    // One audit row per opening, and no secret in them.
    assert.equal(vaultUses.opened - usesBefore, 2)
    assert.equal((await auditCount(business.slug, 'integrations.credential_used')) - auditBefore, 2)

    // The connection stopped working: whoever manages connections is told (issue #4 §9), once
    // while it stays broken, and again when it breaks after working.
    const told = () =>
      inTenant(business.slug, () =>
        db.from('notifications').where('type', 'integrations.connection_failed').select('user_id')
      )
    const feed = (await business.admin.get('/notifications/feed')).json<any>()
    assert.equal(feed.items[0].title, 'یک اتصال از کار افتاد')
    assert.include(feed.items[0].body, 'ارائه‌دهنده این اطلاعات ورود را نپذیرفت.')
    assert.equal((await told()).length, 1)
    assert.equal((await business.operator.get('/notifications/feed')).json<any>().unread, 0)
    await business.admin.send('POST', '/cabinet/integrations/psp/test', {})
    assert.equal((await told()).length, 1)
    await business.admin.send('PUT', '/cabinet/integrations/psp', { settings: psp() })
    await business.admin.send('POST', '/cabinet/integrations/psp/test', {})
    await business.admin.send('PUT', '/cabinet/integrations/psp', {
      settings: { ...psp(), password: 'wrong' },
    })
    await business.admin.send('POST', '/cabinet/integrations/psp/test', {})
    assert.equal((await told()).length, 2)
  })

  test('a ciphertext moved to another tenant or another field does not open (S1)', async ({
    assert,
  }) => {
    const first = await posBusiness()
    const second = await posBusiness()
    await first.admin.send('PUT', '/cabinet/integrations/psp', { settings: psp() })
    await second.admin.send('PUT', '/cabinet/integrations/psp', {
      settings: { ...psp(), password: 'another' },
    })
    const theirs = (await stored(first.slug)).secrets.password
    await inTenant(second.slug, () =>
      db
        .from('integration_credentials')
        .where('provider', 'psp')
        .update({ secrets: JSON.stringify({ password: theirs }) })
    )
    const swapped = await second.admin.send('POST', '/cabinet/integrations/psp/test', {})
    assert.equal(
      swapped.json<{ message: string }>().message,
      'رمز ذخیره‌شده خوانده نمی‌شود: دوباره واردش کنید.'
    )

    // Between fields: a bank token moved into the callback key's place.
    await first.admin.send('PUT', '/cabinet/integrations/bank', {
      settings: {
        baseUrl: testSandbox.current.baseUrls.bank,
        account: SANDBOX_CREDENTIALS.bank.account,
        apiToken: SANDBOX_CREDENTIALS.bank.apiToken,
        callbackSecret: SANDBOX_CREDENTIALS.bank.callbackSecret,
      },
    })
    const bank = await stored(first.slug, 'bank')
    await inTenant(first.slug, () =>
      db
        .from('integration_credentials')
        .where('provider', 'bank')
        .update({
          secrets: JSON.stringify({
            apiToken: bank.secrets.callbackSecret,
            callbackSecret: bank.secrets.apiToken,
          }),
        })
    )
    const moved = await first.admin.send('POST', '/cabinet/integrations/bank/test', {})
    assert.isFalse(moved.json<{ ok: boolean }>().ok)
    assert.equal((await stored(first.slug, 'bank')).last_error, 'secret_unreadable')
  })

  test('a sub-agent uses its nearest ancestor’s shared credential, or its own', async ({
    assert,
  }) => {
    const agent = await posBusiness()
    const sub = await posBusiness({ parentSlug: agent.slug })
    const page = async () =>
      (
        await sub.admin.page<{
          providers: Array<{ key: string; own: unknown; inheritedFrom: string | null }>
        }>('/cabinet/integrations')
      ).page.props.providers.find((provider) => provider.key === 'psp')!

    await agent.admin.send('PUT', '/cabinet/integrations/psp', { settings: psp() })
    assert.isNull((await page()).inheritedFrom) // not shared
    assert.equal((await sub.admin.send('POST', '/cabinet/integrations/psp/test', {})).status, 404)

    await agent.admin.send('PUT', '/cabinet/integrations/psp', {
      settings: { ...psp(), password: '' },
      shareWithSubagents: true,
    })
    const agentName = (await db.from('tenants').where('slug', agent.slug).firstOrFail()).name
    assert.equal((await page()).inheritedFrom, agentName)
    const used = await sub.admin.send('POST', '/cabinet/integrations/psp/test', {})
    assert.isTrue(used.json<{ ok: boolean }>().ok, used.body)
    // The use is on the sub-agent's record; the ancestor's row is not the sub-agent's to touch.
    assert.equal(await auditCount(sub.slug, 'integrations.credential_used'), 1)
    assert.isNull((await stored(agent.slug)).last_checked_at)
    const updated = await inTenant(sub.slug, () =>
      db
        .from('integration_credentials')
        .where('tenant_id', agent.id)
        .update({ share_with_subagents: false })
    )
    assert.equal(updated, 0)

    // Its own replaces the inherited one.
    await confirmed(sub.admin)
    await sub.admin.send('PUT', '/cabinet/integrations/psp', {
      settings: { ...psp(), password: 'own-wrong' },
    })
    const own = await sub.admin.send('POST', '/cabinet/integrations/psp/test', {})
    assert.isFalse(own.json<{ ok: boolean }>().ok)
  })

  test('vault:rotate re-seals credential secrets from an older key, and they still work (S3)', async ({
    assert,
  }) => {
    const business = await posBusiness()
    await business.admin.send('PUT', '/cabinet/integrations/psp', { settings: psp() })
    const tenantId = business.id
    const olderEntry = KeyRing.generateEntry('older')
    const older = new KeyRing(olderEntry)
    const binding = { tenantId, provider: 'psp', field: 'password' }
    await inTenant(business.slug, () =>
      db
        .from('integration_credentials')
        .where('provider', 'psp')
        .update({ secrets: JSON.stringify({ password: older.seal(psp().password, binding) }) })
    )
    // The operator puts the older key behind the newest, then rotates.
    const both = new KeyRing([process.env.VAULT_KEYS, olderEntry].join(','))
    const result = await rotateSealedSecrets(db, both)
    assert.isAtLeast(result.resealed, 1)
    const sealed = (await stored(business.slug)).secrets.password
    assert.equal(KeyRing.keyIdOf(sealed), vaultKeyRing()!.newestId)
    const tested = await business.admin.send('POST', '/cabinet/integrations/psp/test', {})
    assert.isTrue(tested.json<{ ok: boolean }>().ok, tested.body)
    assert.equal((await rotateSealedSecrets(db, both)).resealed, 0)
  })
})

test.group('Integration credentials: the SSRF guard (S7)', () => {
  test('20 internal targets are refused and none is ever connected to; redirects are not followed; a name re-pointed at loopback is caught at call time', async ({
    assert,
  }) => {
    const business = await posBusiness()
    const listener = await trap()
    const p = listener.port
    dnsStub.addresses.set('loopback.evil.test', ['127.0.0.1'])
    const payloads = [
      `http://127.0.0.1:${p}/`,
      `http://localhost:${p}/`,
      `http://[::1]:${p}/`,
      `http://2130706433:${p}/`,
      `http://0x7f000001:${p}/`,
      `http://0177.0.0.1:${p}/`,
      `http://127.1:${p}/`,
      `http://0.0.0.0:${p}/`,
      `http://[::ffff:127.0.0.1]:${p}/`,
      `http://loopback.evil.test:${p}/`,
      'http://10.0.0.1/',
      'http://172.16.5.4/',
      'http://192.168.1.1/',
      'http://169.254.169.254/latest/meta-data/',
      'http://100.64.0.1/',
      'http://[fc00::1]/',
      'http://[fe80::1]/',
      'http://224.0.0.1/',
      `ftp://127.0.0.1:${p}/`,
      `http://user:pass@127.0.0.1:${p}/`,
    ]
    assert.lengthOf(payloads, 20)
    for (const baseUrl of payloads) {
      const response = await business.admin.send('PUT', '/cabinet/integrations/psp', {
        settings: { ...psp(), baseUrl },
      })
      assert.equal(response.status, 422, `${baseUrl}: ${response.body}`)
    }
    assert.isNull(await stored(business.slug))

    // SMTP host and port: loopback on a port nobody allowed.
    const smtp = await business.admin.send('PUT', '/cabinet/integrations/smtp', {
      settings: { host: '127.0.0.1', port: p, security: 'none', fromAddress: 'a@b.test' },
    })
    assert.equal(smtp.status, 422)
    assert.equal(
      smtp.json<any>().errors[0].message,
      'این نشانی مجاز نیست: نشانی‌های داخلی و خصوصی پذیرفته نمی‌شوند.'
    )

    // A provider that redirects to loopback: the redirect is an answer, not a connection.
    testSandbox.current.redirectTo = `http://127.0.0.1:${p}/health`
    const base = testSandbox.current.baseUrls.psp.replace(/\/psp$/, '/redirect')
    const saved = await business.admin.send('PUT', '/cabinet/integrations/psp', {
      settings: { ...psp(), baseUrl: base },
    })
    assert.equal(saved.status, 200, saved.body)
    const redirected = await business.admin.send('POST', '/cabinet/integrations/psp/test', {})
    assert.isFalse(redirected.json<{ ok: boolean }>().ok)

    // A name that looked public when saved and points at loopback now: refused at call time.
    dnsStub.addresses.set('rebind.evil.test', ['93.184.216.34'])
    await inTenant(business.slug, () =>
      db
        .from('integration_credentials')
        .where('provider', 'psp')
        .update({
          settings: JSON.stringify({ ...psp(), baseUrl: `http://rebind.evil.test:${p}/` }),
        })
    )
    dnsStub.addresses.set('rebind.evil.test', ['127.0.0.1'])
    const rebound = await business.admin.send('POST', '/cabinet/integrations/psp/test', {})
    assert.deepEqual(rebound.json<any>(), {
      ok: false,
      message: 'این نشانی مجاز نیست: نشانی‌های داخلی و خصوصی پذیرفته نمی‌شوند.',
    })

    assert.equal(listener.connections, 0)
    await listener.close()
  })
})

test.group('Code mapping (issue #4 §4)', () => {
  test('our collection reasons are sent as the payment company’s codes; an unmapped one is refused before anything is sent', async ({
    assert,
  }) => {
    const business = await posBusiness()
    await business.admin.send('PUT', '/cabinet/integrations/psp', { settings: psp() })
    const mapped = await business.admin.send('PUT', '/cabinet/integrations/psp/mappings', {
      maps: { terminal_collection_reasons: { low_turnover: '3', fault: '9' } },
    })
    assert.equal(mapped.status, 200, mapped.body)
    const unknown = await business.admin.send('PUT', '/cabinet/integrations/psp/mappings', {
      maps: { terminal_collection_reasons: { no_such_reason: '1' } },
    })
    assert.equal(unknown.status, 422)
    assert.equal(unknown.json<any>().errors[0].message, 'کد ناشناخته: no_such_reason.')
    const otherDictionary = await business.admin.send('PUT', '/cabinet/integrations/psp/mappings', {
      maps: { fuel_types: { ai92: '1' } },
    })
    assert.equal(otherDictionary.status, 422)
    assert.deepEqual((await stored(business.slug)).code_maps, {
      terminal_collection_reasons: { low_turnover: '3', fault: '9' },
    })

    const tenant = (await (await app.container.make('tenancy.registry')).tenant(business.id))!
    const collect = (reason: string) =>
      inTenant(business.slug, async () => {
        const row = (await effectiveCredential(tenant, 'psp'))!
        const credential = await useCredential(row, 'collect_terminal', recordSystemAudit)
        return collectTerminal(credential, { terminalId: 'T1234567', reason })
      })
    const received = () => testSandbox.current.received.length

    const before = received()
    const requestsBefore = testSandbox.current.requests.psp
    await assert.rejects(() => collect('merchant_request'), MissingCodeMapping)
    assert.equal(testSandbox.current.requests.psp, requestsBefore)

    const accepted = await collect('low_turnover')
    assert.isTrue(accepted.ok)
    assert.equal(received(), before + 1)
    assert.deepEqual(testSandbox.current.received.at(-1)!.body, { reasonCode: '3' })

    // A code the payment company does not know: its field-level reason comes back.
    assert.deepEqual(await collect('fault'), {
      ok: false,
      rejections: [{ field: 'reasonCode', reason: 'UNKNOWN_REASON' }],
    })
  })
})
