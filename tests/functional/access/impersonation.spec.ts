import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { hostOf, TEST_PORT, Visitor } from '#tests/support/http'
import { inTenant, newUser } from '#tests/support/people'

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

async function signedIn(slug: string, email: string) {
  const visitor = new Visitor(hostOf(slug))
  await visitor.signIn(email)
  return visitor
}

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
    assert.equal(page.component, 'portal/home')
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
