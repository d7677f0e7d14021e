import { test } from '@japa/runner'
import http from 'node:http'
import { createHash } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { recordSystemAudit } from '#app/audit/audit'
import { effectiveCredential, useCredential } from '#app/integrations/credential_vault'
import type { OpenedCredential } from '#app/integrations/provider_type'
import { SANDBOX_CREDENTIALS } from '#app/integrations/sandbox/sandbox_server'
import type { BankSandbox } from '#app/billing/sandbox/bank_sandbox'
import { registerMerchant } from '#app/pos/providers/psp'
import { listCards, listTransactions } from '#app/fuel/providers/fuel_supplier'
import { statement, verifyCallback } from '#app/billing/providers/bank'
import { requestInvoice } from '#app/billing/providers/accounting_1c'
import { inTenant } from '#tests/support/people'
import { newBusiness } from '#tests/support/businesses'
import { testSandbox } from '#tests/support/sandbox'
import { hostOf, Visitor } from '#tests/support/http'

/*
 * The sandbox providers (issue #4 §5) through our adapters: real HTTP on loopback, with the
 * behaviour a tenant meets at the real services.
 */
async function connectedBusiness(
  kind: 'pos_agent' | 'fuel_reseller',
  connections: Record<string, Record<string, string>>
) {
  const business = await newBusiness({ kind })
  await business.admin.send('POST', '/account/confirm-password', { password: 'kabinet-demo' })
  for (const [provider, settings] of Object.entries(connections)) {
    const saved = await business.admin.send('PUT', `/cabinet/integrations/${provider}`, {
      settings,
    })
    if (saved.status !== 200) throw new Error(saved.body)
  }
  const tenant = (await (await app.container.make('tenancy.registry')).tenant(business.id))!
  /** Runs `work` with the opened credential, inside the business's tenant transaction. */
  const using = <T>(provider: string, work: (credential: OpenedCredential) => Promise<T>) =>
    inTenant(business.slug, async () =>
      work(
        await useCredential(
          (await effectiveCredential(tenant, provider))!,
          'test',
          recordSystemAudit
        )
      )
    )
  return { business, using }
}

const sandbox = () => testSandbox.current

const registration = (overrides: Record<string, unknown> = {}) => ({
  trackingNumberPsp: `K-${Date.now()}`,
  requestType: 'install' as const,
  merchant: {
    nationalCode: '0028941993',
    mobile: '09121000001',
    merchantIbans: ['IR680560815531272057092407'],
  },
  pspRequestShopAcceptors: [
    {
      shop: { postalCode: '4997976380', name: 'فروشگاه نمونه' },
      acceptors: [
        {
          terminals: [{ model: 'PAX S90' }],
          shaparakSettlementIbans: ['IR680560815531272057092407'],
        },
      ],
    },
  ],
  ...overrides,
})

test.group('Sandbox providers', () => {
  test('payment company: accepts with a tracking number, rejects with field-level reasons, and a request that hangs ends within the call’s deadline', async ({
    assert,
  }) => {
    const { business, using } = await connectedBusiness('pos_agent', {
      psp: { baseUrl: sandbox().baseUrls.psp, ...SANDBOX_CREDENTIALS.psp },
    })
    const accepted = await using('psp', (credential) =>
      registerMerchant(credential, registration())
    )
    assert.isTrue(accepted.ok)
    assert.match((accepted as { trackingNumber: string }).trackingNumber, /^PF00\d+A0$/)

    const rejected = await using('psp', (credential) =>
      registerMerchant(
        credential,
        registration({
          merchant: {
            nationalCode: '0028941994',
            mobile: '09121000001',
            merchantIbans: ['IR000000000000000000000000'],
          },
          pspRequestShopAcceptors: [{ shop: { postalCode: '123' }, acceptors: [] }],
        })
      )
    )
    assert.deepEqual(rejected, {
      ok: false,
      rejections: [
        { field: 'merchant.nationalCode', reason: 'E101' },
        { field: 'merchant.merchantIbans', reason: 'E103' },
        { field: 'pspRequestShopAcceptors[0].shop.postalCode', reason: 'E102' },
      ],
    })

    const started = performance.now()
    await assert.rejects(() =>
      using('psp', (credential) =>
        registerMerchant(credential, registration({ description: 'simulate-timeout' }))
      )
    )
    assert.isBelow(performance.now() - started, 11_000)
    // Written once each operation's transaction has ended, the failed one's too.
    let log: Array<{ outcome: string }> = []
    for (let waited = 0; log.length < 3 && waited < 3000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20))
      log = await inTenant(business.slug, () =>
        db
          .from('provider_calls')
          .where('operation', 'register_merchant')
          .orderBy('id')
          .select('outcome')
      )
    }
    assert.deepEqual(
      log.map((row) => row.outcome),
      ['ok', 'http_error', 'timeout']
    )
  }).timeout(30_000)

  test('fuel supplier: its cards, and 200 transactions in pages that join up exactly', async ({
    assert,
  }) => {
    const { using } = await connectedBusiness('fuel_reseller', {
      fuel_supplier: {
        baseUrl: sandbox().baseUrls.fuel_supplier,
        ...SANDBOX_CREDENTIALS.fuel_supplier,
      },
    })
    const cards = await using('fuel_supplier', listCards)
    assert.lengthOf(cards, 5)
    assert.deepEqual(
      cards.filter((card) => card.status === 'blocked').map((card) => card.number),
      ['7826991759482729']
    )
    const ids: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const page = await using('fuel_supplier', (credential) =>
        listTransactions(credential, cursor, 60)
      )
      ids.push(...page.items.map((item) => item.id))
      cursor = page.nextCursor
      pages++
    } while (cursor)
    assert.equal(pages, 4)
    assert.lengthOf(ids, 200)
    assert.equal(new Set(ids).size, 200)
  })

  test('bank: the statement in 1C exchange format, and payment callbacks signed with the tenant’s key', async ({
    assert,
  }) => {
    const { using } = await connectedBusiness('fuel_reseller', {
      bank: { baseUrl: sandbox().baseUrls.bank, ...SANDBOX_CREDENTIALS.bank },
    })
    const text = await using('bank', (credential) =>
      statement(credential, '2025-11-21', '2025-11-21')
    )
    assert.isTrue(text.startsWith('1CClientBankExchange'))
    assert.include(text, 'Сумма=236000.00')

    // A receiver standing in for our callback endpoint: it checks what the bank sends.
    const seen: Array<{ body: string; signature: string | undefined }> = []
    const receiver = http.createServer(async (request, response) => {
      const chunks: Buffer[] = []
      for await (const chunk of request) chunks.push(chunk as Buffer)
      seen.push({
        body: Buffer.concat(chunks).toString('utf8'),
        signature: request.headers['x-signature'] as string,
      })
      response.end('ok')
    })
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/callback`
    const key = SANDBOX_CREDENTIALS.bank.callbackSecret
    const now = Date.now()
    await sandbox()
      .handler<BankSandbox>('bank')
      .sendCallback(url, key, { id: 'P-1', amount: '236000.00' }, now)
    await sandbox()
      .handler<BankSandbox>('bank')
      .sendCallback(url, key, { id: 'P-2' }, now - 301_000)
    await sandbox()
      .handler<BankSandbox>('bank')
      .sendCallback(url, key, { id: 'P-3' }, now - 299_000)
    await sandbox()
      .handler<BankSandbox>('bank')
      .sendCallback(url, 'another-key', { id: 'P-4' }, now)
    await new Promise<void>((resolve) => receiver.close(() => resolve()))

    const checks = await using('bank', async (credential) =>
      seen.map((entry) => verifyCallback(credential, entry.body, entry.signature, now))
    )
    assert.deepEqual(checks, [
      { ok: true },
      { ok: false, error: 'stale' },
      { ok: true },
      { ok: false, error: 'mismatch' },
    ])
    // One byte changed, or no signature at all: refused.
    const tampered = await using('bank', async (credential) => [
      verifyCallback(credential, seen[0].body.replace('236000', '236001'), seen[0].signature, now),
      verifyCallback(credential, seen[0].body, undefined, now),
    ])
    assert.deepEqual(tampered, [
      { ok: false, error: 'mismatch' },
      { ok: false, error: 'missing' },
    ])
  })

  test('1C: an invoice as JSON with its PDF in base64; the same request gets the same invoice', async ({
    assert,
  }) => {
    const { using } = await connectedBusiness('fuel_reseller', {
      accounting_1c: {
        baseUrl: sandbox().baseUrls.accounting_1c,
        ...SANDBOX_CREDENTIALS.accounting_1c,
      },
    })
    const input = {
      request_id: `r-${Date.now()}`,
      order_number: 'AH-2025-004512',
      amount: '1500000.00',
      currency: 'RUB',
      customer: { inn: '7810053902', kpp: '781001001', name: 'ООО «Северный Транзит»' },
      purpose: 'Предоплата за автомобиль по заказу AH-2025-004512',
    }
    const invoice = await using('accounting_1c', (credential) => requestInvoice(credential, input))
    assert.equal(invoice.amount, '1500000.00')
    assert.equal(invoice.vat_amount, '250000.00')
    const pdf = Buffer.from(invoice.file.content_base64, 'base64')
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-')
    assert.equal(createHash('sha256').update(pdf).digest('hex'), invoice.file.sha256)
    const again = await using('accounting_1c', (credential) => requestInvoice(credential, input))
    assert.equal(again.invoice_id, invoice.invoice_id)
  })
})

test.group('Demo connections', () => {
  test('the demo tenants are connected to the sandbox providers; the POS agents use their broker’s payment company', async ({
    assert,
  }) => {
    const fuel = new Visitor(hostOf('fuel'))
    await fuel.signIn('admin@fuel.test')
    for (const provider of ['fuel_supplier', 'bank', 'accounting_1c']) {
      const tested = await fuel.send('POST', `/cabinet/integrations/${provider}/test`, {})
      assert.isTrue(tested.json<{ ok: boolean }>().ok, `${provider}: ${tested.body}`)
    }
    const agent = new Visitor(hostOf('pos-east'))
    await agent.signIn('admin@pos-east.test')
    const { page } = await agent.page<{
      providers: Array<{ key: string; inheritedFrom: string | null; mappings: unknown[] }>
    }>('/cabinet/integrations')
    const psp = page.props.providers.find((provider) => provider.key === 'psp')!
    assert.isNotNull(psp.inheritedFrom)
    assert.isTrue(
      (await agent.send('POST', '/cabinet/integrations/psp/test', {})).json<{ ok: boolean }>().ok
    )
  })
})
