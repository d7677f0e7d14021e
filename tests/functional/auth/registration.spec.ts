import { test } from '@japa/runner'
import { readFileSync } from 'node:fs'
import db from '@adonisjs/lucid/services/db'
import { sms } from '#app/auth/sms'
import { hostOf, TEST_PORT, Visitor } from '#tests/support/http'
import { inTenant } from '#tests/support/people'
import { linkIn, smtpCapture } from '#tests/support/smtp_capture'
import Role from '#app/tenancy/models/role'

const fixtures = JSON.parse(
  readFileSync(new URL('../../fixtures/demo-identifiers.json', import.meta.url), 'utf8')
)
const PASSWORD = 'регистрация на портале'
let sequence = 0

function person(slug: string) {
  sequence++
  return {
    fullName: 'Пётр Новиков',
    email: `signup-${Date.now()}-${sequence}@${slug}.example`,
    phone: `+7 912 ${String(1000000 + sequence * 7919).slice(0, 3)}-${String(10 + sequence).slice(-2)}-${String(20 + sequence).slice(-2)}`,
    password: PASSWORD,
    passwordConfirmation: PASSWORD,
  }
}

const codeFor = (phone: string) => sms.lastTo(phone)?.text.match(/\d{6}/)?.[0]
const userOf = (slug: string, email: string) =>
  inTenant(slug, () => db.from('users').where('email', email).first())

async function signUp(slug: string, body: Record<string, unknown>) {
  const visitor = new Visitor(hostOf(slug))
  const response = await visitor.send('POST', '/register', body)
  return { visitor, response }
}

test.group('Registration and onboarding (SECURITY A4, A6)', () => {
  test('sign up, confirm e-mail and phone, wait for staff, get linked, see the company', async ({
    assert,
  }) => {
    const me = person('rail')
    const company = { type: 'ru_person', name: 'Пётр Новиков', inn: fixtures.ru_person_inn[1] }
    const { visitor, response } = await signUp('rail', { ...me, ...company })
    assert.equal(response.status, 200, response.body)
    const user = await userOf('rail', me.email)
    assert.equal(user.status, 'pending')
    assert.equal(user.phone, `+7${me.phone.replace(/\D/g, '').slice(1)}`)
    // Not yet: the account waits for its confirmations.
    assert.equal(
      (await new Visitor(hostOf('rail')).signIn(me.email, PASSWORD)).headers.location,
      '/login'
    )

    const wrong = await visitor.send('POST', '/register/phone', {
      code: '000000' === codeFor(user.phone) ? '111111' : '000000',
    })
    assert.equal(wrong.status, 422)
    assert.equal(wrong.json<any>().errors[0].message, 'Неверный код.')
    const code = codeFor(user.phone)!
    assert.match(code, /^\d{6}$/)
    assert.include(sms.lastTo(user.phone)!.text, 'РейлЛогистик')
    const phoneOk = await visitor.send('POST', '/register/phone', { code })
    assert.equal(phoneOk.status, 200, phoneOk.body)

    const mail = await smtpCapture.waitFor(me.email)
    assert.include(mail.subject, 'РейлЛогистик')
    const link = linkIn(mail, '/confirm-email/')
    assert.equal(link.host, `rail.localhost:${TEST_PORT}`)
    const confirmed = await visitor.get(link.pathname)
    assert.equal(confirmed.status, 302)
    assert.equal((await userOf('rail', me.email)).status, 'active')
    // A confirmation link works once.
    await visitor.get(link.pathname)
    const refused = await inTenant('rail', () =>
      db.from('audit_log').where('action', 'auth.email_confirmation_refused').count('* as total')
    )
    assert.isAbove(Number(refused[0].total), 0)

    const client = new Visitor(hostOf('rail'))
    assert.equal((await client.signIn(me.email, PASSWORD)).headers.location, '/')
    assert.isNull((await client.page<any>('/')).page.props.company)

    const admin = new Visitor(hostOf('rail'))
    await admin.signIn('admin@rail.test')
    const { page } = await admin.page<any>('/cabinet/link-requests')
    const request = page.props.requests.find((row: any) => row.person.email === me.email)
    assert.isDefined(request)
    assert.isTrue(request.person.emailVerified && request.person.phoneVerified)
    assert.isNull(request.match)
    const role = await inTenant('rail', () => Role.query().where('key', 'shipper').firstOrFail())
    const approved = await admin.send('POST', `/cabinet/link-requests/${request.id}/approve`, {
      roleId: role.id,
    })
    assert.equal(approved.status, 200, approved.body)
    await smtpCapture.waitFor(me.email, (m) => m.subject.includes('готова'))
    const home = (await client.page<any>('/')).page.props
    assert.equal(home.company.name, 'Пётр Новиков')
    assert.deepEqual(home.company.identifiers, [{ key: 'inn', value: fixtures.ru_person_inn[1] }])
  })

  test('an e-mail that already has an account gets the same answer and no second account', async ({
    assert,
  }) => {
    const company = { type: 'ru_person', name: 'Мария', inn: '' }
    const fresh = person('rail')
    const known = { ...person('rail'), email: 'client@rail.test' }
    const first = await signUp('rail', { ...fresh, ...company })
    const second = await signUp('rail', { ...known, ...company })
    assert.equal(first.response.status, second.response.status)
    assert.equal(first.response.body, second.response.body)
    const accounts = await inTenant('rail', () =>
      db.from('users').where('email', 'client@rail.test').count('* as total')
    )
    assert.equal(Number(accounts[0].total), 1)
    const notice = await smtpCapture.waitFor('client@rail.test', (m) =>
      m.subject.includes('учётная запись')
    )
    assert.include(linkIn(notice, '/forgot-password').host, 'rail.localhost')
    // Its verification step looks the same and accepts no code.
    assert.equal((await second.visitor.get('/register/verify')).status, 200)
    const guess = await second.visitor.send('POST', '/register/phone', { code: '123456' })
    assert.equal(guess.status, 422)
  })

  test('five wrong codes kill the code; an expired code is refused; a new one works', async ({
    assert,
  }) => {
    const me = person('pos')
    const { visitor } = await signUp('pos', {
      ...me,
      type: 'ir_person',
      name: 'مهمان',
      nationalId: fixtures.ir_national_ids[3],
    })
    const user = await userOf('pos', me.email)
    const code = codeFor(user.phone)!
    const other = code === '999999' ? '999998' : '999999'
    for (let attempt = 1; attempt <= 5; attempt++) {
      const response = await visitor.send('POST', '/register/phone', { code: other })
      assert.equal(response.status, 422)
    }
    const late = await visitor.send('POST', '/register/phone', { code })
    assert.equal(late.status, 422)
    assert.equal(
      late.json<any>().errors[0].message,
      'کد منقضی شده یا بیش از حد اشتباه وارد شده است. کد جدیدی بخواهید.'
    )
    // A new code replaces it; an expired one is refused too.
    await visitor.send('POST', '/register/phone/resend')
    const second = codeFor(user.phone)!
    await inTenant('pos', () =>
      db
        .from('phone_codes')
        .where('user_id', user.id)
        .whereNull('used_at')
        .update({ expires_at: new Date(Date.now() - 1) })
    )
    assert.equal((await visitor.send('POST', '/register/phone', { code: second })).status, 422)
    await visitor.send('POST', '/register/phone/resend')
    const third = codeFor(user.phone)!
    // Persian digits are what an Iranian keyboard types.
    const persian = third.replace(/\d/g, (digit) => '۰۱۲۳۴۵۶۷۸۹'[Number(digit)])
    assert.equal((await visitor.send('POST', '/register/phone', { code: persian })).status, 200)
    assert.isNotNull((await userOf('pos', me.email)).phone_verified_at)
  })

  test('bad company details or phone get translated errors and create nothing', async ({
    assert,
  }) => {
    const me = { ...person('rail'), phone: '12345' }
    const { response } = await signUp('rail', {
      ...me,
      type: 'ru_company',
      name: 'ООО «Ошибка»',
      inn: '7707083890',
      kpp: '7707',
      ogrn: '1',
    })
    assert.equal(response.status, 422)
    const fields = response.json<any>().errors.map((error: any) => error.field)
    // Every field at once, the person's and the company's.
    assert.includeMembers(fields, ['phone', 'inn', 'kpp', 'ogrn'])
    const messages = Object.fromEntries(
      response.json<any>().errors.map((error: any) => [error.field, error.message])
    )
    assert.equal(messages.phone, 'Введите номер мобильного телефона, например +7 912 345-67-89.')
    assert.notExists(await userOf('rail', me.email))
  })

  test('staff cannot approve before confirmation; a rejection is mailed; more companies later', async ({
    assert,
  }) => {
    const me = person('fuel')
    await signUp('fuel', { ...me, type: 'ru_person', name: 'Новый клиент' })
    const admin = new Visitor(hostOf('fuel'))
    await admin.signIn('admin@fuel.test')
    const role = await inTenant('fuel', () =>
      Role.query().where('audience', 'client').firstOrFail()
    )
    const request = (await admin.page<any>('/cabinet/link-requests')).page.props.requests.find(
      (row: any) => row.person.email === me.email
    )
    const early = await admin.send('POST', `/cabinet/link-requests/${request.id}/approve`, {
      roleId: role.id,
    })
    assert.equal(early.status, 422)
    const rejected = await admin.send('POST', `/cabinet/link-requests/${request.id}/reject`)
    assert.equal(rejected.status, 200)
    await smtpCapture.waitFor(me.email, (m) => m.subject.includes('не одобрена'))
    assert.equal(
      (await admin.send('POST', `/cabinet/link-requests/${request.id}/reject`)).status,
      404
    )

    // A linked client asks to act for an existing client too: staff see the match and link.
    const client = new Visitor(hostOf('fuel'))
    await client.signIn('client@fuel.test')
    const existing = await inTenant('fuel', () => db.from('clients').orderBy('id', 'desc').first())
    const asked = await client.send('POST', '/portal/link-requests', {
      type: existing.type,
      name: existing.name,
      ...(existing.inn ? { inn: existing.inn } : {}),
      ...(existing.kpp ? { kpp: existing.kpp } : {}),
      ...(existing.ogrn ? { ogrn: existing.ogrn } : {}),
    })
    assert.equal(asked.status, 200, asked.body)
    const pending = (await admin.page<any>('/cabinet/link-requests')).page.props.requests.find(
      (row: any) => row.person.email === 'client@fuel.test'
    )
    assert.deepEqual(pending.match, { id: existing.id, name: existing.name })
    // Rejected here so the demo client's holding stays as it was.
    await admin.send('POST', `/cabinet/link-requests/${pending.id}/reject`)
  })
})
