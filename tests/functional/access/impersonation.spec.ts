import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { hostOf, TEST_PORT, Visitor } from '#tests/support/http'
import { inTenant, newUser } from '#tests/support/people'
import { signedIn } from '#tests/support/visitors'

const JSON_HEADERS = { accept: 'application/json' }

const tenantId = (slug: string) =>
  db
    .from('tenants')
    .where('slug', slug)
    .firstOrFail()
    .then((row) => Number(row.id))
const userId = (slug: string, email: string) =>
  inTenant(slug, () => db.from('users').where('email', email).firstOrFail()).then((row) =>
    Number(row.id)
  )

async function start(actor: Visitor, slug: string, email: string) {
  return actor.send('POST', '/cabinet/impersonations', {
    tenantId: await tenantId(slug),
    userId: await userId(slug, email),
  })
}

test.group('Impersonation (SECURITY A8)', () => {
  test('an agent acts as a client of its sub-agent: banner, audit, no credential changes, clean end', async ({
    assert,
  }) => {
    const agent = await newUser('pos', 'staff', { roles: ['admin'] })
    const actor = await signedIn('pos', agent.email)
    const started = await start(actor, 'pos-east', 'client@pos-east.test')
    assert.equal(started.status, 200, started.body)
    const url = new URL(started.json<any>().redirect)
    assert.equal(url.host, `pos-east.localhost:${TEST_PORT}`)

    const target = new Visitor(hostOf('pos-east'))
    const landed = await target.get(url.pathname)
    assert.equal(landed.headers.location, '/')
    const { page } = await target.page<any>('/')
    assert.equal(page.component, 'portal/home/index')
    assert.equal(page.props.user.email, 'client@pos-east.test')
    assert.isString(page.props.impersonation.byName)
    assert.include(page.props.impersonation.byName, 'Test')

    // Every write meanwhile carries the impersonator.
    const companies = page.props.holding.companies
    await target.send('POST', '/portal/company', { companyId: companies.at(-1).id })
    const rows = await inTenant('pos-east', () =>
      db.from('audit_log').where('actor_user_id', page.props.user.id).orderBy('id', 'desc').limit(2)
    )
    assert.deepEqual(
      rows.map((row) => [row.action, Number(row.impersonator_user_id)]),
      [
        ['portal.company_switched', agent.id],
        ['auth.impersonation_started', agent.id],
      ]
    )
    // Credentials are never changed on someone else's behalf.
    for (const [method, path, body] of [
      ['POST', '/account/confirm-password', { password: 'kabinet-demo' }],
      [
        'PUT',
        '/account/password',
        {
          currentPassword: 'kabinet-demo',
          password: 'x'.repeat(20),
          passwordConfirmation: 'x'.repeat(20),
        },
      ],
      ['PUT', '/account/email', { email: 'moved@pos-east.test' }],
      ['POST', '/account/two-factor/setup', {}],
      ['PUT', '/account/phone', { phone: '09121000099' }],
      // Nor the person's notifications marked read, or their preferences changed.
      ['POST', '/notifications/read-all', {}],
      ['PUT', '/account/notifications', { preferences: [] }],
    ] as const) {
      const refused = await target.send(method, path, body)
      assert.equal(refused.status, 403, path)
      assert.equal(refused.json<any>().error, 'impersonating')
    }

    // Reading them is fine: support sees what the person sees.
    assert.equal((await target.get('/notifications/feed')).status, 200)

    const ended = await target.send('POST', '/impersonation/end')
    assert.equal(ended.status, 200)
    assert.equal(new URL(ended.json<any>().redirect).host, `pos.localhost:${TEST_PORT}`)
    assert.equal((await target.get('/account', JSON_HEADERS)).status, 401)
    // The token was spent on landing: the link never works twice.
    const again = new Visitor(hostOf('pos-east'))
    assert.equal((await again.get(url.pathname)).headers.location, '/login')
    assert.equal((await again.get('/account', JSON_HEADERS)).status, 401)
  })

  test('equal or higher rank, and anyone outside the subtree, are refused', async ({ assert }) => {
    const agent = await newUser('pos', 'staff', { roles: ['admin'] })
    const peer = await newUser('pos', 'staff', { roles: ['admin'] })
    const actor = await signedIn('pos', agent.email)
    // Another admin here, and the sub-agent's admin (who may impersonate too): equal rank.
    assert.equal((await start(actor, 'pos', peer.email)).status, 403)
    assert.equal((await start(actor, 'pos-east', 'admin@pos-east.test')).status, 403)
    // Outside the subtree: refused, nothing issued.
    const outside = await start(actor, 'rail', 'client@rail.test')
    assert.equal(outside.status, 422)
    const tokens = await inTenant('rail', () =>
      db.from('user_tokens').where('purpose', 'impersonation').where('created_by', agent.id)
    )
    assert.lengthOf(tokens, 0)
    // A sub-agent cannot reach up to its parent.
    const subAdmin = await newUser('pos-east', 'staff', { roles: ['admin'] })
    const below = await signedIn('pos-east', subAdmin.email)
    assert.equal((await start(below, 'pos', 'client@pos.test')).status, 422)
    const denials = await inTenant('pos', () =>
      db.from('audit_log').where('action', 'authorization.denied').where('actor_user_id', agent.id)
    )
    assert.lengthOf(denials, 2)
  })

  test('the platform owner may act as an operator anywhere, the token lives 60 s, the session 60 min', async ({
    assert,
  }) => {
    const operator = await newUser('fuel', 'staff', { roles: ['operator'] })
    const owner = new Visitor(`localhost:${TEST_PORT}`)
    await owner.signIn('owner@platform.test')
    const issued = await start(owner, 'fuel', operator.email)
    assert.equal(issued.status, 200, issued.body)
    const path = new URL(issued.json<any>().redirect).pathname
    await inTenant('fuel', () =>
      db
        .from('user_tokens')
        .where('purpose', 'impersonation')
        .where('user_id', operator.id)
        .update({ expires_at: new Date(Date.now() - 1) })
    )
    const late = new Visitor(hostOf('fuel'))
    assert.equal((await late.get(path)).headers.location, '/login')

    const fresh = await start(owner, 'fuel', operator.email)
    const visitor = new Visitor(hostOf('fuel'))
    await visitor.get(new URL(fresh.json<any>().redirect).pathname)
    assert.equal((await visitor.get('/account', JSON_HEADERS)).status, 200)
    await inTenant('fuel', () =>
      db
        .from('user_sessions')
        .where('user_id', operator.id)
        .whereNotNull('impersonator_user_id')
        .update({ created_at: new Date(Date.now() - 61 * 60 * 1000) })
    )
    assert.equal((await visitor.get('/account', JSON_HEADERS)).status, 401)
  })
})

/** An agent's admin of pos acting as a staff member of pos-east who may manage credentials. */
async function actingAsCredentialManager() {
  const agent = await newUser('pos', 'staff', { roles: ['admin'] })
  const actor = await signedIn('pos', agent.email)
  const person = await newUser('pos-east', 'staff')
  await inTenant('pos-east', async () => {
    const tenant = await db.from('tenants').where('slug', 'pos-east').firstOrFail()
    const [role] = await db
      .table('roles')
      .insert({
        tenant_id: tenant.id,
        key: `credentials-${Date.now()}-${person.id}`,
        name: JSON.stringify({ en: 'Credentials' }),
        audience: 'staff',
        permissions: ['integrations.credentials.manage', 'cabinet.home.view'],
      })
      .returning('id')
    await db
      .table('user_roles')
      .insert({ tenant_id: tenant.id, user_id: person.id, role_id: role.id })
  })
  const started = await start(actor, 'pos-east', person.email)
  if (started.status !== 200) throw new Error(started.body)
  const target = new Visitor(hostOf('pos-east'))
  await target.get(new URL(started.json<any>().redirect).pathname)
  return { agent, actor, person, target }
}

async function actingAsClient() {
  const agent = await newUser('pos', 'staff', { roles: ['admin'] })
  const actor = await signedIn('pos', agent.email)
  const started = await start(actor, 'pos-east', 'client@pos-east.test')
  if (started.status !== 200) throw new Error(started.body)
  const target = new Visitor(hostOf('pos-east'))
  await target.get(new URL(started.json<any>().redirect).pathname)
  if ((await target.get('/account', JSON_HEADERS)).status !== 200) throw new Error('not landed')
  return { agent, actor, target }
}

test.group('Impersonation ends with its impersonator (issue #11 §2)', () => {
  test('the impersonator signing out ends the impersonated session at its next request', async ({
    assert,
  }) => {
    const { actor, target } = await actingAsClient()
    await actor.post('/logout', {})
    assert.equal((await target.get('/account', JSON_HEADERS)).status, 401)
    // Ended for good: its row is revoked, not just refused once.
    assert.equal((await target.get('/account', JSON_HEADERS)).status, 401)
  })

  test('disabling the impersonator ends it', async ({ assert }) => {
    const { agent, target } = await actingAsClient()
    const admin = await signedIn('pos', 'admin@pos.test')
    const disabled = await admin.send('PUT', `/cabinet/people/${agent.id}/status`, {
      status: 'disabled',
    })
    assert.equal(disabled.status, 200, disabled.body)
    assert.equal((await target.get('/account', JSON_HEADERS)).status, 401)
  })

  test('taking the impersonation permission away ends it', async ({ assert }) => {
    const { agent, target } = await actingAsClient()
    assert.equal((await target.get('/account', JSON_HEADERS)).status, 200)
    await inTenant('pos', () => db.from('user_roles').where('user_id', agent.id).delete())
    assert.equal((await target.get('/account', JSON_HEADERS)).status, 401)
  })

  test("the impersonator's own session expiring ends it", async ({ assert }) => {
    const { agent, target } = await actingAsClient()
    await inTenant('pos', () =>
      db
        .from('user_sessions')
        .where('user_id', agent.id)
        .update({ last_seen_at: new Date(Date.now() - 3 * 60 * 60 * 1000) })
    )
    assert.equal((await target.get('/account', JSON_HEADERS)).status, 401)
  })

  test("an impersonator cannot end the real person's other sessions", async ({ assert }) => {
    const person = await newUser('pos-east', 'client')
    const own = await signedIn('pos-east', person.email)
    const agent = await newUser('pos', 'staff', { roles: ['admin'] })
    const actor = await signedIn('pos', agent.email)
    const started = await start(actor, 'pos-east', person.email)
    const target = new Visitor(hostOf('pos-east'))
    await target.get(new URL(started.json<any>().redirect).pathname)
    const others = await target.send('POST', '/account/sessions/end-others', {})
    assert.equal(others.status, 403, others.body)
    const [session] = await inTenant('pos-east', () =>
      db
        .from('user_sessions')
        .where('user_id', person.id)
        .whereNull('impersonator_user_id')
        .select('id')
    )
    const one = await target.send('DELETE', `/account/sessions/${session.id}`, {})
    assert.equal(one.status, 403, one.body)
    assert.equal((await own.get('/account', JSON_HEADERS)).status, 200)
  })

  test('step-up changes and every credential screen are refused while impersonating', async ({
    assert,
  }) => {
    const { target } = await actingAsCredentialManager()
    const fallback = async () =>
      (await db.from('tenants').where('slug', 'pos-east').firstOrFail()).mail_platform_fallback
    const before = await fallback()
    for (const [method, path, body] of [
      ['GET', '/cabinet/integrations', {}],
      ['PUT', '/cabinet/integrations/mail-fallback', { enabled: true }],
      ['PUT', '/cabinet/integrations/psp/mappings', { maps: {} }],
      ['PUT', '/cabinet/integrations/bank', { settings: {} }],
      ['POST', '/cabinet/integrations/bank/test', {}],
      ['DELETE', '/cabinet/integrations/bank', {}],
    ] as const) {
      const refused = await target.send(method, path, body)
      assert.equal(refused.status, 403, `${method} ${path}: ${refused.body}`)
      assert.equal(refused.json<any>().error, 'impersonating', path)
    }
    assert.equal(await fallback(), before)
  })
})
