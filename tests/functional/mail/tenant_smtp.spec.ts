import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { smtpCapture } from '#tests/support/smtp_capture'
import { hostOf, Visitor } from '#tests/support/http'
import { inTenant, newUser } from '#tests/support/people'
import { newBusiness, newBusinessWithSmtp } from '#tests/support/businesses'
import { linkIn } from '#tests/support/smtp_capture'
import { eventually } from '#tests/support/eventually'
import { ACCOUNT_MAIL_KINDS } from '#app/mail/account_mail'
import { notify } from '#app/notifications/notify'
import app from '@adonisjs/core/services/app'
import { sendTenantMail } from '#app/mail/tenant_mailer'

/*
 * Tenant mail (issue #4 §8): through the tenant's own SMTP, from its own address; through the
 * platform's only when it opted in; a hung mail server of one business slows no other's.
 */
const capturePort = () => Number(new URL(process.env.MAIL_SMTP_URL!).port)

const withSmtp = newBusinessWithSmtp

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

    // Unconfirmed, the change needs a step-up; then it goes through.
    const unconfirmed = await business.admin.send('PUT', '/cabinet/integrations/mail-fallback', {
      enabled: true,
    })
    assert.equal(unconfirmed.status, 403)
    await business.admin.send('POST', '/account/confirm-password', { password: 'kabinet-demo' })
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

  test('a business’s mail server that stops answering is paused after 5 failures: its next mail fails at once, logged, and no other business is affected', async ({
    assert,
  }) => {
    const hung = await withSmtp(Number(process.env.TEST_HUNG_SMTP_PORT), 'stuck@pause.example')
    const healthy = await withSmtp(capturePort(), 'fine@pause.example')
    const registry = await app.container.make('tenancy.registry')
    const tenant = (await registry.tenant(hung.id))!
    const mail = (to: string) => ({
      kind: 'probe',
      to,
      subject: 'Probe',
      html: '<p>x</p>',
      text: 'x',
    })
    // Five at once: each waits for a greeting that never comes, and fails.
    const first = await Promise.allSettled(
      [1, 2, 3, 4, 5].map((n) => sendTenantMail(tenant, mail(`wait-${n}@pause.example`)))
    )
    assert.isTrue(first.every((outcome) => outcome.status === 'rejected'))
    // The sixth is refused by the breaker without reaching the server, and the log says why.
    await assert.rejects(() => sendTenantMail(tenant, mail('sixth@pause.example')), /paused/)
    const [sixth] = await mailLog(hung.slug, 'sixth@pause.example')
    assert.equal(sixth.status, 'failed')
    assert.include(sixth.error, 'paused after repeated failures')
    // Per business: the healthy one's mail still goes.
    const other = await newUser(healthy.slug, 'staff')
    await forgot(healthy.slug, other.email)
    await smtpCapture.waitFor(other.email)
  }).timeout(30_000)

  test('every kind of mail a business sends carries only its brand and links only to its primary domain', async ({
    assert,
  }) => {
    const business = await withSmtp(capturePort(), 'post@sweep-mail.example')
    const tenant = await db.from('tenants').where('id', business.id).firstOrFail()
    const stamp = Date.now()
    const PASSWORD = 'тихий вечер у старой мельницы'
    // invitation
    const operatorRole = await inTenant(business.slug, () =>
      db.from('roles').where('key', 'operator').firstOrFail()
    )
    const invited = await business.admin.send('POST', '/cabinet/invitations', {
      email: `invited-${stamp}@sweep.example`,
      fullName: 'Invited Person',
      audience: 'staff',
      roleId: operatorRole.id,
    })
    assert.equal(invited.status, 200, invited.body)
    // password_reset, then password_changed
    await forgot(business.slug, business.adminEmail)
    const reset = await smtpCapture.waitFor(business.adminEmail)
    const token = linkIn(reset, '/reset-password/').pathname.split('/').pop()!
    const changed = await new Visitor(hostOf(business.slug)).send('POST', '/reset-password', {
      token,
      password: PASSWORD,
      passwordConfirmation: PASSWORD,
    })
    assert.equal(changed.status, 200, changed.body)
    // The reset ended the admin's sessions: in again, with the new password.
    await business.admin.signIn(business.adminEmail, PASSWORD)
    // email_confirmation (a sign-up), registration_exists (the same e-mail again)
    const signUp = {
      fullName: 'Пётр Новиков',
      email: `signup-${stamp}@sweep.example`,
      phone: `+7 912 ${String(stamp).slice(-3)}-${String(stamp).slice(-5, -3)}-11`,
      password: PASSWORD,
      passwordConfirmation: PASSWORD,
      type: 'ru_person',
      name: 'Пётр Новиков',
      inn: '',
    }
    for (let i = 0; i < 2; i++) {
      const registered = await new Visitor(hostOf(business.slug)).send('POST', '/register', signUp)
      assert.equal(registered.status, 200, registered.body)
    }
    // notification mails: to staff (a dead letter) and to a person (a decision on their request)
    await inTenant(business.slug, () =>
      notify('jobs.dead_letter', {
        params: { queue: 'sweep', attempts: 1, error: 'x' },
        link: '/cabinet/jobs/failures',
      })
    )
    const request = await inTenant(business.slug, () =>
      db
        .from('link_requests')
        .join('users', 'users.id', 'link_requests.user_id')
        .where('users.email', signUp.email)
        .select('link_requests.id')
        .firstOrFail()
    )
    const rejected = await business.admin.send(
      'POST',
      `/cabinet/link-requests/${request.id}/reject`
    )
    assert.equal(rejected.status, 200, rejected.body)

    const expected = [
      ...ACCOUNT_MAIL_KINDS,
      'notification:jobs.dead_letter',
      'notification:clients.link_rejected',
    ]
    const logged = await eventually(
      () => inTenant(business.slug, () => db.from('mail_log').select('kind', 'status')),
      (rows) => expected.every((kind) => rows.some((row) => row.kind === kind))
    )
    assert.sameMembers([...new Set(logged.map((row) => row.kind))], expected)
    assert.isTrue(logged.every((row) => row.status === 'sent'))

    const mails = smtpCapture.messages.filter(
      (mail) => mail.headers.get('x-kabinet-tenant') === String(business.id)
    )
    assert.lengthOf(mails, logged.length)
    for (const mail of mails) {
      const everything = `${mail.from}\n${mail.subject}\n${mail.html}\n${mail.text}`
      assert.include(mail.from, tenant.name, mail.subject)
      assert.include(mail.from, 'post@sweep-mail.example', mail.subject)
      assert.include(mail.html, tenant.name, mail.subject)
      // Nobody else's brand: not the platform's, not another business's.
      assert.notMatch(
        everything,
        /Kabinet|ТопливоКарт|РейлЛогистик|FixPoint|ПосАгент/i,
        mail.subject
      )
      const links = [...everything.matchAll(/https?:\/\/[^\s"'<>)]+/g)].map((m) => new URL(m[0]))
      for (const link of links) assert.equal(link.host, hostOf(business.slug), mail.subject)
    }
    // Every kind carries a link but two notices (password changed, request not approved).
    assert.equal(mails.filter((mail) => /https?:\/\//.test(mail.text)).length, expected.length - 2)
  }).timeout(60_000)
})
