import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { hostOf, Visitor } from '#tests/support/http'
import { inTenant, newUser } from '#tests/support/people'
import Role from '#app/tenancy/models/role'
import { sms } from '#app/auth/sms'
import { linkIn, smtpCapture } from '#tests/support/smtp_capture'
import { signedIn } from '#tests/support/visitors'

const JSON_HEADERS = { accept: 'application/json' }

/** 200 while the session lives, 401 once it has been ended. */
const statusOf = async (visitor: Visitor) => (await visitor.get('/account', JSON_HEADERS)).status

test.group('Account security: sessions (SECURITY A7)', () => {
  test('disabling a user with 3 live sessions ends all 3 on their next request', async ({
    assert,
  }) => {
    const person = await newUser('repair', 'staff', { roles: ['technician'] })
    const sessions = [
      await signedIn('repair', person.email),
      await signedIn('repair', person.email),
      await signedIn('repair', person.email),
    ]
    for (const session of sessions) assert.equal(await statusOf(session), 200)
    const admin = await signedIn('repair', 'admin@repair.test')
    const disabled = await admin.send('PUT', `/cabinet/people/${person.id}/status`, {
      status: 'disabled',
    })
    assert.equal(disabled.status, 200, disabled.body)
    for (const session of sessions) assert.equal(await statusOf(session), 401)
    // And no new session either.
    const again = await new Visitor(hostOf('repair')).signIn(person.email)
    assert.equal(again.headers.location, '/login')
    const audit = await inTenant('repair', () =>
      db.from('audit_log').where('action', 'access.user_disabled').orderBy('id', 'desc').first()
    )
    assert.equal(audit.subject_id, String(person.id))
    assert.containSubset(audit.after, { status: 'disabled', endedSessions: 3 })
  })

  test('nobody disables themselves or someone stronger', async ({ assert }) => {
    const operator = await newUser('repair', 'staff', { roles: ['technician', 'admin'] })
    const weakAdmin = await newUser('repair', 'staff', { roles: ['technician'] })
    const admin = await signedIn('repair', operator.email)
    const self = await admin.send('PUT', `/cabinet/people/${operator.id}/status`, {
      status: 'disabled',
    })
    assert.equal(self.status, 422)
    // A weaker staff member (without access.users.manage) is simply not allowed.
    const weak = await signedIn('repair', weakAdmin.email)
    const denied = await weak.send('PUT', `/cabinet/people/${operator.id}/status`, {
      status: 'disabled',
    })
    assert.equal(denied.status, 403)
    // A people manager who lacks some of the target's permissions may not disable it.
    const manager = await newUser('repair', 'staff')
    await inTenant('repair', async () => {
      const role = await Role.create({
        key: `people_${Date.now()}`,
        name: { en: 'People', ru: 'Люди', fa: 'افراد' },
        audience: 'staff',
        permissions: ['cabinet.home.view', 'access.users.manage'],
      })
      await db
        .table('user_roles')
        .insert({ tenant_id: role.tenantId, user_id: manager.id, role_id: role.id })
    })
    const managerSession = await signedIn('repair', manager.email)
    const stronger = await managerSession.send('PUT', `/cabinet/people/${operator.id}/status`, {
      status: 'disabled',
    })
    assert.equal(stronger.status, 422)
    assert.equal(
      stronger.json<any>().errors[0].message,
      'This person holds permissions you do not have.'
    )
    const row = await inTenant('repair', () => db.from('users').where('id', operator.id).first())
    assert.equal(row.status, 'active')
  })

  test('a person lists their sessions, ends one, then all the others', async ({ assert }) => {
    const person = await newUser('fuel', 'client')
    const [first, second, third] = [
      await signedIn('fuel', person.email),
      await signedIn('fuel', person.email),
      await signedIn('fuel', person.email),
    ]
    const { page } = await first.page<any>('/account')
    assert.equal(page.component, 'auth/account/show')
    assert.lengthOf(page.props.sessions, 3)
    assert.lengthOf(
      page.props.sessions.filter((session: any) => session.current),
      1
    )
    const secondRef = (await second.page<any>('/account')).page.props.sessions.find(
      (session: any) => session.current
    ).id
    const ended = await first.send('DELETE', `/account/sessions/${secondRef}`)
    assert.equal(ended.status, 200)
    assert.equal(await statusOf(second), 401)
    assert.equal(await statusOf(third), 200)
    const others = await first.send('POST', '/account/sessions/end-others')
    assert.deepEqual(others.json<any>(), { ok: true, ended: 1 })
    assert.equal(await statusOf(third), 401)
    assert.equal(await statusOf(first), 200)
  })

  test("another person's session is not found, and nothing ends", async ({ assert }) => {
    const victim = await newUser('fuel', 'client')
    const attacker = await newUser('fuel', 'client')
    const victimSession = await signedIn('fuel', victim.email)
    const ref = (await victimSession.page<any>('/account')).page.props.sessions[0].id
    const attackerSession = await signedIn('fuel', attacker.email)
    const response = await attackerSession.send('DELETE', `/account/sessions/${ref}`)
    assert.equal(response.status, 404)
    assert.equal(await statusOf(victimSession), 200)
  })

  test('a session idle for over 2 hours is ended', async ({ assert }) => {
    const person = await newUser('rail', 'client')
    const visitor = await signedIn('rail', person.email)
    assert.equal(await statusOf(visitor), 200)
    await inTenant('rail', () =>
      db
        .from('user_sessions')
        .where('user_id', person.id)
        .update({ last_seen_at: new Date(Date.now() - 3 * 60 * 60 * 1000) })
    )
    assert.equal(await statusOf(visitor), 401)
  })

  test('changing the password can end the other sessions; the old password stops working', async ({
    assert,
  }) => {
    const person = await newUser('rail', 'staff', { roles: ['manager'] })
    const [mine, other] = [
      await signedIn('rail', person.email),
      await signedIn('rail', person.email),
    ]
    const changed = await mine.send('PUT', '/account/password', {
      currentPassword: 'kabinet-demo',
      password: 'ночной поезд на Казань',
      passwordConfirmation: 'ночной поезд на Казань',
      endOtherSessions: true,
    })
    assert.equal(changed.status, 200, changed.body)
    assert.equal(await statusOf(mine), 200)
    assert.equal(await statusOf(other), 401)
    const old = await new Visitor(hostOf('rail')).signIn(person.email)
    assert.equal(old.headers.location, '/login')
    const fresh = await new Visitor(hostOf('rail')).signIn(person.email, 'ночной поезд на Казань')
    assert.equal(fresh.headers.location, '/')
  })

  test('the password policy follows ASVS: length, no composition rules, common ones refused', async ({
    assert,
  }) => {
    const person = await newUser('repair', 'client')
    const visitor = await signedIn('repair', person.email)
    const cases: Array<[string, number, string | null]> = [
      ['seven77', 422, 'Use at least 8 characters.'],
      ['eightch8', 200, null],
      ['password', 422, 'This password is too common. Choose another.'],
      ['qwertyuiop', 422, 'This password is too common. Choose another.'],
      [person.email, 422, 'Do not use your e-mail as the password.'],
      ['with spaces inside it', 200, null],
      ['گذرواژه‌ی بلند من', 200, null],
      ['x'.repeat(64), 200, null],
      ['y'.repeat(128), 200, null],
      ['z'.repeat(129), 422, 'Use at most 128 characters.'],
    ]
    let current = 'kabinet-demo'
    for (const [password, status, message] of cases) {
      const response = await visitor.send('PUT', '/account/password', {
        currentPassword: current,
        password,
        passwordConfirmation: password,
      })
      assert.equal(response.status, status, password)
      if (message) assert.equal(response.json<any>().errors[0].message, message)
      else current = password
    }
    // No truncation: a 128-character password differing only in its last character fails.
    const almost = await new Visitor(hostOf('repair')).signIn(person.email, 'y'.repeat(127) + 'z')
    assert.equal(almost.headers.location, '/login')
    const exact = await new Visitor(hostOf('repair')).signIn(person.email, 'y'.repeat(128))
    assert.equal(exact.headers.location, '/')
  })

  test('changing the e-mail needs a recent password confirmation (step-up)', async ({ assert }) => {
    const person = await newUser('fuel', 'staff', { roles: ['operator'] })
    const visitor = await signedIn('fuel', person.email)
    const newEmail = `moved-${Date.now()}@fuel.test`
    const refused = await visitor.send('PUT', '/account/email', { email: newEmail })
    assert.equal(refused.status, 403)
    assert.equal(refused.json<any>().error, 'reauthentication_required')
    const wrong = await visitor.send('POST', '/account/confirm-password', { password: 'nope' })
    assert.equal(wrong.status, 422)
    assert.equal(wrong.json<any>().errors[0].message, 'Неверный пароль.')
    const stillRefused = await visitor.send('PUT', '/account/email', { email: newEmail })
    assert.equal(stillRefused.status, 403)
    const confirmed = await visitor.send('POST', '/account/confirm-password', {
      password: 'kabinet-demo',
    })
    assert.equal(confirmed.status, 200)
    const changed = await visitor.send('PUT', '/account/email', { email: newEmail })
    assert.equal(changed.status, 200, changed.body)
    const row = await inTenant('fuel', () => db.from('users').where('id', person.id).first())
    assert.equal(row.email, newEmail)
    assert.isNull(row.email_verified_at)
    // A confirmation link goes to the new address; following it confirms it.
    const link = linkIn(await smtpCapture.waitFor(newEmail), '/confirm-email/')
    await new Visitor(hostOf('fuel')).get(link.pathname)
    const verified = await inTenant('fuel', () => db.from('users').where('id', person.id).first())
    assert.isNotNull(verified.email_verified_at)
    // Taken by someone else in this tenant: refused, translated.
    const taken = await visitor.send('PUT', '/account/email', { email: 'admin@fuel.test' })
    assert.equal(taken.status, 422)
  })

  test('changing the phone needs a step-up, then the code sent to the new number', async ({
    assert,
  }) => {
    const person = await newUser('pos', 'client')
    const visitor = await signedIn('pos', person.email)
    const refused = await visitor.send('PUT', '/account/phone', { phone: '0912 100 0009' })
    assert.equal(refused.status, 403)
    await visitor.send('POST', '/account/confirm-password', { password: 'kabinet-demo' })
    const changed = await visitor.send('PUT', '/account/phone', { phone: '۰۹۱۲ ۱۰۰ ۰۰۰۹' })
    assert.equal(changed.status, 200, changed.body)
    const code = sms.lastTo('+989121000009')!.text.match(/\d{6}/)![0]
    const wrong = await visitor.send('POST', '/account/phone/confirm', {
      code: code === '000000' ? '111111' : '000000',
    })
    assert.equal(wrong.status, 422)
    assert.equal((await visitor.send('POST', '/account/phone/confirm', { code })).status, 200)
    const row = await inTenant('pos', () => db.from('users').where('id', person.id).first())
    assert.equal(row.phone, '+989121000009')
    assert.isNotNull(row.phone_verified_at)
  })

  test('account routes need a session', async ({ assert }) => {
    const anonymous = new Visitor(hostOf('fuel'))
    assert.equal((await anonymous.get('/account', JSON_HEADERS)).status, 401)
    assert.equal((await anonymous.send('POST', '/account/sessions/end-others')).status, 401)
  })
})
