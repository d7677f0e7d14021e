import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { smtpCapture } from '#tests/support/smtp_capture'
import { hostOf, Visitor } from '#tests/support/http'
import { inTenant, newUser } from '#tests/support/people'
import { newBusiness } from '#tests/support/businesses'

/*
 * Tenant mail (issue #4 §8): through the tenant's own SMTP, from its own address; through the
 * platform's only when it opted in; a hung mail server of one business slows no other's.
 */
const capturePort = () => Number(new URL(process.env.MAIL_SMTP_URL!).port)

async function withSmtp(port: number, fromAddress: string) {
  const business = await newBusiness()
  await business.admin.send('POST', '/account/confirm-password', { password: 'kabinet-demo' })
  const saved = await business.admin.send('PUT', '/cabinet/integrations/smtp', {
    settings: { host: '127.0.0.1', port, security: 'none', fromAddress },
  })
  if (saved.status !== 200) throw new Error(saved.body)
  return business
}

const forgot = (slug: string, email: string) =>
  new Visitor(hostOf(slug)).send('POST', '/forgot-password', { email })

async function mailLog(slug: string, to: string, ms = 15_000) {
  const started = Date.now()
  for (;;) {
    const rows = await inTenant(slug, () => db.from('mail_log').where('to_address', to))
    if (rows.length || Date.now() - started > ms) return rows
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

test.group('Tenant mail', () => {
  test('a business with its own SMTP sends from its own address; every send is an audited use of the credential', async ({
    assert,
  }) => {
    const business = await withSmtp(capturePort(), 'hello@own-mail.example')
    const person = await newUser(business.slug, 'staff')
    await forgot(business.slug, person.email)
    const mail = await smtpCapture.waitFor(person.email)
    assert.include(mail.from, 'hello@own-mail.example')
    assert.include(mail.from, 'Test business')
    const [logged] = await mailLog(business.slug, person.email)
    assert.equal(logged.status, 'sent')
    const uses = await inTenant(business.slug, () =>
      db
        .from('audit_log')
        .where('action', 'integrations.credential_used')
        .whereRaw(`after->>'purpose' = 'send_mail'`)
    )
    assert.lengthOf(uses, 1)
  })

  test('without its own SMTP a business sends nothing through the platform’s until it opts in', async ({
    assert,
  }) => {
    const business = await newBusiness()
    const person = await newUser(business.slug, 'staff')
    await forgot(business.slug, person.email)
    const [refused] = await mailLog(business.slug, person.email)
    assert.equal(refused.status, 'failed')
    assert.include(refused.error, 'no mail server')
    assert.lengthOf(smtpCapture.to(person.email), 0)

    const opted = await business.admin.send('PUT', '/cabinet/integrations/mail-fallback', {
      enabled: true,
    })
    assert.equal(opted.status, 200, opted.body)
    await forgot(business.slug, person.email)
    const mail = await smtpCapture.waitFor(person.email)
    assert.include(mail.from, 'Test business')
  })

  test('one business’s hung mail server does not slow another’s mail (J6)', async ({ assert }) => {
    const hung = await withSmtp(Number(process.env.TEST_HUNG_SMTP_PORT), 'stuck@hung.example')
    const healthy = await withSmtp(capturePort(), 'quick@healthy.example')
    const stuck = await newUser(hung.slug, 'staff')
    const waiting = await newUser(healthy.slug, 'staff')

    const started = Date.now()
    const [first, second] = await Promise.all([
      forgot(hung.slug, stuck.email),
      forgot(healthy.slug, waiting.email),
    ])
    // Neither request waits on a mail server.
    assert.isBelow(Date.now() - started, 3000)
    assert.equal(first.status, second.status)
    await smtpCapture.waitFor(waiting.email)
    assert.isBelow(Date.now() - started, 4000)
    // The hung one gives up on its own, and says so in its log.
    const [failed] = await mailLog(hung.slug, stuck.email)
    assert.equal(failed.status, 'failed')
  }).timeout(30_000)
})
