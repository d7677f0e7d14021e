import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { hostOf, TEST_PORT, Visitor } from '#tests/support/http'
import { inTenant, newUser } from '#tests/support/people'
import { linkIn, smtpCapture } from '#tests/support/smtp_capture'
import Role from '#app/tenancy/models/role'

const JSON_HEADERS = { accept: 'application/json' }
const PASSWORD = 'приглашение принято вовремя'

const roleId = (slug: string, key: string) =>
  inTenant(slug, () => Role.query().where('key', key).firstOrFail()).then((role) => role.id)

async function staff(slug: string, email: string) {
  const visitor = new Visitor(hostOf(slug))
  await visitor.signIn(email)
  return visitor
}

const uniqueEmail = (slug: string, label: string) =>
  `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@${slug}.test`

async function tokenMailedTo(email: string) {
  const link = linkIn(await smtpCapture.waitFor(email), '/invitations/')
  return { link, token: link.pathname.split('/').pop()! }
}

test.group('Invitations (SECURITY A6)', () => {
  test('staff invite a team member with a role; the link works once and signs them in', async ({
    assert,
  }) => {
    const admin = await staff('repair', 'admin@repair.test')
    const email = uniqueEmail('repair', 'invited')
    const sent = await admin.send('POST', '/cabinet/invitations', {
      email,
      fullName: 'Invited Technician',
      audience: 'staff',
      roleId: await roleId('repair', 'technician'),
    })
    assert.equal(sent.status, 200, sent.body)
    const { link, token } = await tokenMailedTo(email)
    assert.equal(link.host, `repair.localhost:${TEST_PORT}`)
    assert.lengthOf(Buffer.from(token, 'base64url'), 16)
    const mail = smtpCapture.to(email).at(-1)!
    assert.include(mail.subject, 'FixPoint Service')
    assert.notMatch(mail.html, /Kabinet/)

    const invited = new Visitor(hostOf('repair'))
    const { page } = await invited.page<any>(link.pathname)
    assert.equal(page.props.invitation.email, email)
    // Another e-mail than the one invited: refused.
    const wrongEmail = await invited.send('POST', '/invitations/accept', {
      token,
      email: 'someone-else@repair.test',
      fullName: 'Someone',
      password: PASSWORD,
      passwordConfirmation: PASSWORD,
    })
    assert.equal(wrongEmail.status, 422)
    assert.equal(
      wrongEmail.json<any>().errors[0].message,
      'This invitation was sent to another e-mail.'
    )
    const accepted = await invited.send('POST', '/invitations/accept', {
      token,
      email,
      fullName: 'Invited Technician',
      password: PASSWORD,
      passwordConfirmation: PASSWORD,
    })
    assert.equal(accepted.status, 200, accepted.body)
    assert.equal((await invited.get('/account', JSON_HEADERS)).status, 200)
    const user = await inTenant('repair', () => db.from('users').where('email', email).first())
    assert.equal(user.audience, 'staff')
    assert.isNotNull(user.email_verified_at)
    const roles = await inTenant('repair', () =>
      db.from('user_roles').where('user_id', user.id).select('role_id')
    )
    assert.deepEqual(
      roles.map((row) => row.role_id),
      [await roleId('repair', 'technician')]
    )
    // Spent: a second use is refused.
    const again = await new Visitor(hostOf('repair')).send('POST', '/invitations/accept', {
      token,
      email,
      fullName: 'Twice',
      password: PASSWORD,
      passwordConfirmation: PASSWORD,
    })
    assert.equal(again.status, 422)
  })

  test('a client invitation is bound to its company: another company id is refused', async ({
    assert,
  }) => {
    const admin = await staff('rail', 'admin@rail.test')
    const [first, second] = await inTenant('rail', () => db.from('clients').orderBy('name'))
    const email = uniqueEmail('rail', 'client-invite')
    const sent = await admin.send('POST', '/cabinet/invitations', {
      email,
      fullName: 'Клиент Приглашённый',
      audience: 'client',
      roleId: await roleId('rail', 'shipper'),
      clientId: first.id,
    })
    assert.equal(sent.status, 200, sent.body)
    const { token } = await tokenMailedTo(email)
    const body = {
      token,
      email,
      fullName: 'Клиент Приглашённый',
      password: PASSWORD,
      passwordConfirmation: PASSWORD,
    }
    const otherCompany = await new Visitor(hostOf('rail')).send('POST', '/invitations/accept', {
      ...body,
      companyId: second.id,
    })
    assert.equal(otherCompany.status, 422)
    // On another tenant's domain the token does not exist.
    const foreign = await new Visitor(hostOf('fuel')).send('POST', '/invitations/accept', body)
    assert.equal(foreign.status, 422)
    const client = new Visitor(hostOf('rail'))
    const accepted = await client.send('POST', '/invitations/accept', {
      ...body,
      companyId: first.id,
    })
    assert.equal(accepted.status, 200, accepted.body)
    const { page } = await client.page<any>('/')
    assert.equal(page.props.company.id, first.id)
    assert.lengthOf(page.props.holding.companies, 1)
  })

  test('inviting with a role stronger than oneself is refused, and nothing is sent', async ({
    assert,
  }) => {
    const manager = await newUser('repair', 'staff')
    await inTenant('repair', async () => {
      const role = await Role.create({
        key: `inviter_${Date.now()}`,
        name: { en: 'Inviter', ru: 'Приглашающий', fa: 'دعوت‌کننده' },
        audience: 'staff',
        permissions: ['cabinet.home.view', 'access.users.manage'],
      })
      await db
        .table('user_roles')
        .insert({ tenant_id: role.tenantId, user_id: manager.id, role_id: role.id })
    })
    const visitor = await staff('repair', manager.email)
    const email = uniqueEmail('repair', 'escalation')
    const response = await visitor.send('POST', '/cabinet/invitations', {
      email,
      fullName: 'Would Be Admin',
      audience: 'staff',
      roleId: await roleId('repair', 'admin'),
    })
    assert.equal(response.status, 422)
    assert.equal(
      response.json<any>().errors[0].message,
      'You cannot grant permissions you do not hold yourself.'
    )
    const tokens = await inTenant('repair', () => db.from('user_tokens').where('email', email))
    assert.lengthOf(tokens, 0)
    await new Promise((resolve) => setTimeout(resolve, 100))
    assert.lengthOf(smtpCapture.to(email), 0)
  })

  test('an invitation expires, can be withdrawn, and dies with its inviter’s power', async ({
    assert,
  }) => {
    const inviter = await newUser('fuel', 'staff', { roles: ['admin'] })
    const admin = await staff('fuel', inviter.email)
    const invite = async (label: string) => {
      const email = uniqueEmail('fuel', label)
      const sent = await admin.send('POST', '/cabinet/invitations', {
        email,
        fullName: 'Оператор',
        audience: 'staff',
        roleId: await roleId('fuel', 'operator'),
      })
      assert.equal(sent.status, 200, sent.body)
      return { email, id: sent.json<any>().invitationId, ...(await tokenMailedTo(email)) }
    }
    const accept = (email: string, token: string) =>
      new Visitor(hostOf('fuel')).send('POST', '/invitations/accept', {
        token,
        email,
        fullName: 'Оператор',
        password: PASSWORD,
        passwordConfirmation: PASSWORD,
      })

    const expired = await invite('expired')
    await inTenant('fuel', () =>
      db
        .from('user_tokens')
        .where('id', expired.id)
        .update({ expires_at: new Date(Date.now() - 1) })
    )
    assert.equal((await accept(expired.email, expired.token)).status, 422)

    const withdrawn = await invite('withdrawn')
    const removed = await admin.send('DELETE', `/cabinet/invitations/${withdrawn.id}`)
    assert.equal(removed.status, 200)
    assert.equal((await accept(withdrawn.email, withdrawn.token)).status, 422)

    const orphan = await invite('orphan')
    await inTenant('fuel', () =>
      db.from('users').where('id', inviter.id).update({ status: 'disabled' })
    )
    const refused = await accept(orphan.email, orphan.token)
    assert.equal(refused.status, 422)
    assert.equal(
      refused.json<any>().errors[0].message,
      'Это приглашение больше нельзя принять. Запросите новое.'
    )
    const created = await inTenant('fuel', () =>
      db.from('users').whereIn('email', [expired.email, withdrawn.email, orphan.email])
    )
    assert.lengthOf(created, 0)
  })

  test('someone who already has an account is linked, not invited', async ({ assert }) => {
    const admin = await staff('fuel', 'admin@fuel.test')
    const response = await admin.send('POST', '/cabinet/invitations', {
      email: 'client@fuel.test',
      fullName: 'Иван Петров',
      audience: 'staff',
      roleId: await roleId('fuel', 'operator'),
    })
    assert.equal(response.status, 422)
    assert.equal(response.json<any>().errors[0].field, 'email')
  })
})
