import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { clock } from '#app/core/clock'
import { openSecret } from '#app/auth/two_factor'
import { hostOf, inertiaPage, Visitor } from '#tests/support/http'
import { inTenant, newUser } from '#tests/support/people'
import { codeAt, enrolled, passwordStep } from '#tests/support/two_factor'

const JSON_HEADERS = { accept: 'application/json' }
test.group('Two-factor authentication (SECURITY A5)', (group) => {
  group.each.teardown(() => clock.reset())

  test('setting it up needs a recent password and a code that proves the authenticator', async ({
    assert,
  }) => {
    const person = await newUser('fuel', 'staff')
    const visitor = new Visitor(hostOf('fuel'))
    await visitor.signIn(person.email)
    const early = await visitor.send('POST', '/account/two-factor/setup')
    assert.equal(early.status, 403)
    assert.equal(early.json<any>().error, 'reauthentication_required')
    await visitor.send('POST', '/account/confirm-password', { password: 'kabinet-demo' })
    const setup = await visitor.send('POST', '/account/two-factor/setup', {}, { json: false })
    const { secret, qrSvg, uri } = inertiaPage<any>(setup).props
    assert.match(secret, /^[A-Z2-7]{32}$/)
    assert.include(qrSvg, '<svg')
    assert.include(uri, 'otpauth://totp/')
    const wrong = await visitor.send('POST', '/account/two-factor/enable', { code: '000000' })
    assert.equal(wrong.status, 422)
    const enabled = await visitor.send(
      'POST',
      '/account/two-factor/enable',
      { code: await codeAt(secret, 0) },
      { json: false }
    )
    const codes = inertiaPage<any>(enabled).props.codes
    assert.lengthOf(codes, 10)
    // Sealed with the credential key ring, bound to this user: never in clear, and useless in
    // another user's row. The recovery codes only as hashes.
    const row = await inTenant('fuel', () => db.from('users').where('id', person.id).first())
    assert.notInclude(row.totp_secret, secret)
    const owner = { tenantId: row.tenant_id, userId: person.id }
    assert.equal(openSecret(row.totp_secret, owner), secret)
    assert.isNull(openSecret(row.totp_secret, { ...owner, userId: person.id + 1 }))
    const stored = await inTenant('fuel', () =>
      db.from('recovery_codes').where('user_id', person.id)
    )
    assert.lengthOf(stored, 10)
    assert.notInclude(JSON.stringify(stored), codes[0])
  })

  test('one step of drift: a code from 30 s ago is accepted, from 60 s ago refused; never twice', async ({
    assert,
  }) => {
    const person = await enrolled('repair', ['technician'])
    clock.travel(120_000)
    const first = await passwordStep('repair', person.email)
    assert.equal(first.response.headers.location, '/login/two-factor')
    // Nothing is signed in after the password alone.
    assert.equal((await first.visitor.get('/account', JSON_HEADERS)).status, 401)
    const old = await first.visitor.send('POST', '/login/two-factor', {
      code: await codeAt(person.secret, 60),
    })
    assert.equal(old.status, 422)
    const recent = await codeAt(person.secret, 30)
    const accepted = await first.visitor.send('POST', '/login/two-factor', { code: recent })
    assert.equal(accepted.status, 200, accepted.body)
    assert.equal((await first.visitor.get('/account', JSON_HEADERS)).status, 200)
    // The same code again, in another browser: refused (RFC 6238 §5.2).
    const second = await passwordStep('repair', person.email)
    const replay = await second.visitor.send('POST', '/login/two-factor', { code: recent })
    assert.equal(replay.status, 422)
    const audit = await inTenant('repair', () =>
      db
        .from('audit_log')
        .whereNull('actor_user_id')
        .where('action', 'auth.second_factor_failed')
        .where('subject_id', String(person.id))
    )
    assert.lengthOf(audit, 2)
  })

  test('the sixth wrong code is throttled, even when the sixth is right', async ({ assert }) => {
    const person = await enrolled('rail', ['manager'])
    const { visitor } = await passwordStep('rail', person.email)
    for (let attempt = 1; attempt <= 5; attempt++) {
      const response = await visitor.send('POST', '/login/two-factor', { code: '000000' })
      assert.equal(response.status, 422)
    }
    clock.travel(60_000)
    const sixth = await visitor.send('POST', '/login/two-factor', {
      code: await codeAt(person.secret, 0),
    })
    assert.equal(sixth.status, 429)
  })

  test('a recovery code signs in once', async ({ assert }) => {
    const person = await enrolled('pos', ['operator'])
    const first = await passwordStep('pos', person.email)
    const used = await first.visitor.send('POST', '/login/two-factor', {
      recoveryCode: person.codes[3].toUpperCase(),
    })
    assert.equal(used.status, 200)
    const second = await passwordStep('pos', person.email)
    const again = await second.visitor.send('POST', '/login/two-factor', {
      recoveryCode: person.codes[3],
    })
    assert.equal(again.status, 422)
  })

  test('a tenant can require it for staff: until set up, only the account screen opens', async ({
    assert,
  }) => {
    const admin = await newUser('repair', 'staff', { roles: ['admin'] })
    const adminVisitor = new Visitor(hostOf('repair'))
    await adminVisitor.signIn(admin.email)
    const staffer = await newUser('repair', 'staff', { roles: ['technician'] })
    const withTotp = await enrolled('repair', ['technician'])
    try {
      const on = await adminVisitor.send('PUT', '/cabinet/security', {
        staffTwoFactorRequired: true,
      })
      assert.equal(on.status, 200, on.body)
      const visitor = new Visitor(hostOf('repair'))
      await visitor.signIn(staffer.email)
      const blocked = await visitor.get('/', JSON_HEADERS)
      assert.equal(blocked.status, 403)
      assert.equal(blocked.json<any>().error, 'two_factor_required')
      assert.equal((await visitor.get('/account', JSON_HEADERS)).status, 200)
      // Someone with it on cannot turn it off while it is required.
      clock.travel(30_000)
      const second = await passwordStep('repair', withTotp.email)
      await second.visitor.send('POST', '/login/two-factor', {
        code: await codeAt(withTotp.secret, 0),
      })
      await second.visitor.send('POST', '/account/confirm-password', { password: 'kabinet-demo' })
      const off = await second.visitor.send('POST', '/account/two-factor/disable')
      assert.equal(off.status, 422)
      assert.equal((await second.visitor.get('/', JSON_HEADERS)).status, 200)
    } finally {
      await inTenant('repair', () =>
        db.from('tenants').where('slug', 'repair').update({ staff_two_factor_required: false })
      )
      await (await app.container.make('tenancy.registry')).invalidate()
    }
  })
})
