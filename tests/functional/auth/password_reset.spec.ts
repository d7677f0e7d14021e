import { test } from '@japa/runner'
import { createHash } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import { hostOf, TEST_PORT, Visitor } from '#tests/support/http'
import { inTenant, newUser } from '#tests/support/people'
import { linkIn, smtpCapture } from '#tests/support/smtp_capture'

const JSON_HEADERS = { accept: 'application/json' }

async function askForLink(slug: string, email: string) {
  return new Visitor(hostOf(slug)).send('POST', '/forgot-password', { email })
}

test.group('Password reset (SECURITY A4, A6)', () => {
  test('the link comes by mail in the brand of the tenant, from its primary domain, and works once', async ({
    assert,
  }) => {
    const person = await newUser('fuel', 'client')
    const signedIn = new Visitor(hostOf('fuel'))
    await signedIn.signIn(person.email)
    const asked = await askForLink('fuel', person.email)
    assert.equal(asked.status, 200)
    const mail = await smtpCapture.waitFor(person.email, (m) => m.subject.includes('Сброс'))
    assert.equal(mail.subject, 'Сброс пароля ТопливоКарт')
    assert.include(mail.from, 'ТопливоКарт')
    assert.include(mail.html, 'ТопливоКарт')
    // The brand leak rule: nothing names the platform or another tenant.
    assert.notMatch(mail.html + mail.text + mail.from, /Kabinet|РейлЛогистик|FixPoint/)
    const link = linkIn(mail, '/reset-password/')
    assert.equal(link.host, `fuel.localhost:${TEST_PORT}`)
    const token = link.pathname.split('/').pop()!
    assert.lengthOf(Buffer.from(token, 'base64url'), 16)
    // Stored only as its SHA-256.
    const rows = await inTenant('fuel', () =>
      db.from('user_tokens').where('purpose', 'password_reset').where('user_id', person.id)
    )
    assert.lengthOf(rows, 1)
    assert.deepEqual(rows[0].token_hash, createHash('sha256').update(token).digest())
    assert.notInclude(JSON.stringify(rows[0]), token)

    const visitor = new Visitor(hostOf('fuel'))
    assert.equal((await visitor.get(link.pathname)).status, 200)
    const weak = await visitor.send('POST', '/reset-password', {
      token,
      password: 'password',
      passwordConfirmation: 'password',
    })
    assert.equal(weak.status, 422)
    const reset = await visitor.send('POST', '/reset-password', {
      token,
      password: 'зимний вечер у моря',
      passwordConfirmation: 'зимний вечер у моря',
    })
    assert.equal(reset.status, 200, reset.body)
    // Every session of the account has ended; the new password works, the old one not.
    assert.equal((await signedIn.get('/account', JSON_HEADERS)).status, 401)
    assert.equal(
      (await new Visitor(hostOf('fuel')).signIn(person.email, 'зимний вечер у моря')).headers
        .location,
      '/'
    )
    assert.equal(
      (await new Visitor(hostOf('fuel')).signIn(person.email)).headers.location,
      '/login'
    )
    // Spent: the same link never works twice.
    const again = await visitor.send('POST', '/reset-password', {
      token,
      password: 'другой длинный пароль',
      passwordConfirmation: 'другой длинный пароль',
    })
    assert.equal(again.status, 422)
    assert.equal(
      again.json<any>().errors[0].message,
      'Ссылка недействительна или устарела. Запросите новую.'
    )
    await smtpCapture.waitFor(person.email, (m) => m.subject === 'Пароль ТопливоКарт изменён')
  })

  test('known and unknown e-mails get the same answer; only a known one gets mail', async ({
    assert,
  }) => {
    const person = await newUser('repair', 'staff')
    const unknown = `nobody-${Date.now()}@repair.test`
    const known = await askForLink('repair', person.email)
    const missing = await askForLink('repair', unknown)
    assert.equal(known.status, missing.status)
    assert.equal(known.body, missing.body)
    await smtpCapture.waitFor(person.email)
    assert.lengthOf(smtpCapture.to(unknown), 0)
  })

  test('an expired link, or one of another tenant, is refused and changes nothing', async ({
    assert,
  }) => {
    const person = await newUser('rail', 'client')
    await askForLink('rail', person.email)
    const token = linkIn(await smtpCapture.waitFor(person.email), '/reset-password/')
      .pathname.split('/')
      .pop()!
    const body = {
      token,
      password: 'длинный новый пароль',
      passwordConfirmation: 'длинный новый пароль',
    }
    // On another tenant's domain the token does not exist.
    const foreign = await new Visitor(hostOf('fuel')).send('POST', '/reset-password', body)
    assert.equal(foreign.status, 422)
    await inTenant('rail', () =>
      db
        .from('user_tokens')
        .where('user_id', person.id)
        .update({ expires_at: new Date(Date.now() - 1000) })
    )
    const expired = await new Visitor(hostOf('rail')).send('POST', '/reset-password', body)
    assert.equal(expired.status, 422)
    assert.equal((await new Visitor(hostOf('rail')).signIn(person.email)).headers.location, '/')
  })

  test('asking again and again is throttled per e-mail without locking the owner out', async ({
    assert,
  }) => {
    const person = await newUser('pos', 'client')
    for (let attempt = 0; attempt < 5; attempt++) await askForLink('pos', person.email)
    await smtpCapture.waitFor(person.email)
    await new Promise((resolve) => setTimeout(resolve, 200))
    assert.isAtMost(smtpCapture.to(person.email).length, 3)
    // Signing in still works.
    assert.equal((await new Visitor(hostOf('pos')).signIn(person.email)).headers.location, '/')
  })
})
