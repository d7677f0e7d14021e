/*
 * The authorization matrix of issue #3, generated from one spec: six kinds of people × the
 * actions of this issue × a target inside or outside their reach (their subtree, or their
 * companies). Every cell is a real HTTP request against the demo tree
 *   platform ─ pos (agent) ─ pos-east (sub-agent) ─ pos-east-kiosk,   platform ─ rail
 * and must answer exactly what the spec says.
 */
import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { hostOf, TEST_PORT, Visitor } from '#tests/support/http'
import { inTenant, newUser } from '#tests/support/people'
import Role from '#app/tenancy/models/role'

type Actor =
  | 'platform owner'
  | 'agent admin'
  | 'agent operator'
  | 'sub-agent admin'
  | 'client admin'
  | 'client user in two companies'
type Where = 'inside' | 'outside'
/** ok 200 · forbidden 403 · hidden 404 · refused 422 (a business rule) · elsewhere 302 (not this area). */
type Outcome = 'ok' | 'forbidden' | 'hidden' | 'refused' | 'elsewhere'
const STATUS: Record<Outcome, number> = {
  ok: 200,
  forbidden: 403,
  hidden: 404,
  refused: 422,
  elsewhere: 302,
}

interface World {
  visitor: Record<Actor, Visitor>
  slug: Record<Actor, string>
  clients: Record<string, number[]>
  companies: { a: number; b: number; c: number }
  roles: Record<string, number>
  people: Record<string, number>
  tenants: Record<string, number>
}

type Request = { method: string; path: string; body?: Record<string, unknown> }
interface Action {
  name: string
  request: (world: World, actor: Actor, where: Where) => Promise<Request> | Request
  expect: Record<Actor, Partial<Record<Where, Outcome>>>
}

const clientsAlways = (outcome: Outcome) => ({
  'client admin': { inside: outcome, outside: outcome },
  'client user in two companies': { inside: outcome, outside: outcome },
})

/** The client of the actor's own tenant (inside), or one of rail's (outside, another tree). */
const clientFor = (world: World, actor: Actor, where: Where) =>
  where === 'outside'
    ? world.clients.rail[0]
    : (world.clients[world.slug[actor]]?.[0] ?? world.clients.rail[0])

const SPEC: Action[] = [
  {
    name: 'list the clients of its business',
    request: () => ({ method: 'GET', path: '/cabinet/clients' }),
    expect: {
      'platform owner': { inside: 'forbidden' },
      'agent admin': { inside: 'ok' },
      'agent operator': { inside: 'forbidden' },
      'sub-agent admin': { inside: 'ok' },
      ...clientsAlways('elsewhere'),
    },
  },
  {
    name: 'open a client',
    request: (world, actor, where) => ({
      method: 'GET',
      path: `/cabinet/clients/${clientFor(world, actor, where)}`,
    }),
    expect: {
      'platform owner': { inside: 'forbidden', outside: 'forbidden' },
      'agent admin': { inside: 'ok', outside: 'hidden' },
      'agent operator': { inside: 'forbidden', outside: 'forbidden' },
      'sub-agent admin': { inside: 'ok', outside: 'hidden' },
      ...clientsAlways('elsewhere'),
    },
  },
  {
    name: 'link a person to a client',
    request: async (world, actor, where) => {
      const person = await newUser(
        world.slug[actor] === 'localhost' ? 'pos' : world.slug[actor],
        'client'
      )
      const roleSlug = world.slug[actor] === 'pos-east' ? 'pos-east' : 'pos'
      return {
        method: 'POST',
        path: `/cabinet/clients/${clientFor(world, actor, where)}/members`,
        body: { email: person.email, roleId: world.roles[`${roleSlug}:merchant`] },
      }
    },
    expect: {
      'platform owner': { inside: 'forbidden', outside: 'forbidden' },
      'agent admin': { inside: 'ok', outside: 'hidden' },
      'agent operator': { inside: 'forbidden', outside: 'forbidden' },
      'sub-agent admin': { inside: 'ok', outside: 'hidden' },
      ...clientsAlways('elsewhere'),
    },
  },
  {
    name: 'define a staff role',
    request: () => ({
      method: 'POST',
      path: '/cabinet/roles',
      body: {
        name: `Auditor ${Date.now()}`,
        audience: 'staff',
        permissions: ['access.audit.view'],
      },
    }),
    expect: {
      'platform owner': { inside: 'ok' },
      'agent admin': { inside: 'ok' },
      'agent operator': { inside: 'forbidden' },
      'sub-agent admin': { inside: 'ok' },
      ...clientsAlways('elsewhere'),
    },
  },
  {
    name: 'act as someone (impersonate)',
    request: (world, actor, where) => {
      const inside: Record<string, string> = {
        'localhost': 'fuel:operator',
        'pos': 'pos-east:client',
        'pos-east': 'pos-east-kiosk:client',
      }
      const target =
        where === 'outside' ? 'rail:client' : (inside[world.slug[actor]] ?? 'rail:client')
      return {
        method: 'POST',
        path: '/cabinet/impersonations',
        body: { tenantId: world.tenants[target.split(':')[0]], userId: world.people[target] },
      }
    },
    expect: {
      // The platform's subtree is the whole tree: nothing is outside it.
      'platform owner': { inside: 'ok' },
      'agent admin': { inside: 'ok', outside: 'refused' },
      'agent operator': { inside: 'forbidden', outside: 'forbidden' },
      'sub-agent admin': { inside: 'ok', outside: 'refused' },
      ...clientsAlways('elsewhere'),
    },
  },
  {
    name: 'read the audit log',
    request: () => ({ method: 'GET', path: '/cabinet/audit' }),
    expect: {
      'platform owner': { inside: 'ok' },
      'agent admin': { inside: 'ok' },
      'agent operator': { inside: 'forbidden' },
      'sub-agent admin': { inside: 'ok' },
      ...clientsAlways('elsewhere'),
    },
  },
  {
    name: 'open the platform console',
    request: () => ({ method: 'GET', path: '/console' }),
    expect: {
      'platform owner': { inside: 'ok' },
      // The console exists only on the platform's host.
      'agent admin': { inside: 'hidden' },
      'agent operator': { inside: 'hidden' },
      'sub-agent admin': { inside: 'hidden' },
      ...clientsAlways('hidden'),
    },
  },
  {
    name: 'switch to a company',
    request: (world, actor, where) => {
      const inside =
        actor === 'client user in two companies' ? world.companies.b : world.companies.a
      const outside =
        actor === 'client user in two companies' ? world.companies.c : world.companies.b
      return {
        method: 'POST',
        path: '/portal/company',
        body: { companyId: where === 'inside' ? inside : outside },
      }
    },
    expect: {
      'platform owner': { inside: 'forbidden' },
      'agent admin': { inside: 'forbidden' },
      'agent operator': { inside: 'forbidden' },
      'sub-agent admin': { inside: 'forbidden' },
      'client admin': { inside: 'ok', outside: 'hidden' },
      'client user in two companies': { inside: 'ok', outside: 'hidden' },
    },
  },
  {
    name: 'open its portal profile',
    request: () => ({ method: 'GET', path: '/portal/profile' }),
    expect: {
      'platform owner': { inside: 'forbidden' },
      'agent admin': { inside: 'forbidden' },
      'agent operator': { inside: 'forbidden' },
      'sub-agent admin': { inside: 'forbidden' },
      'client admin': { inside: 'ok' },
      'client user in two companies': { inside: 'ok' },
    },
  },
]

const ACTORS: Actor[] = [
  'platform owner',
  'agent admin',
  'agent operator',
  'sub-agent admin',
  'client admin',
  'client user in two companies',
]

async function buildWorld(): Promise<World> {
  const tenants: Record<string, number> = {}
  for (const row of await db.from('tenants').select('id', 'slug'))
    tenants[row.slug] = Number(row.id)
  const clients: Record<string, number[]> = {}
  for (const slug of ['pos', 'pos-east', 'pos-east-kiosk', 'rail']) {
    clients[slug] = (await inTenant(slug, () => db.from('clients').orderBy('id'))).map((row) =>
      Number(row.id)
    )
  }
  const [a, b] = clients.pos
  const c = await inTenant('pos', async () => {
    const [row] = await db
      .table('clients')
      .insert({ tenant_id: tenants.pos, type: 'ir_person', name: 'Matrix outsider' })
      .returning('id')
    return Number(row.id)
  })
  const roles: Record<string, number> = {}
  for (const slug of ['pos', 'pos-east']) {
    for (const role of await inTenant(slug, () => Role.query()))
      roles[`${slug}:${role.key}`] = role.id
  }
  const link = (slug: string, userId: number, companyIds: number[], roleId: number) =>
    inTenant(slug, () =>
      db.table('client_memberships').multiInsert(
        companyIds.map((clientId) => ({
          tenant_id: tenants[slug],
          client_id: clientId,
          user_id: userId,
          role_id: roleId,
        }))
      )
    )
  const clientAdmin = await newUser('pos', 'client', { label: 'matrix-client-admin' })
  await link('pos', clientAdmin.id, [a], roles['pos:merchant'])
  const clientUser = await newUser('pos', 'client', { label: 'matrix-client-user' })
  await link('pos', clientUser.id, [a, b], roles['pos:merchant'])
  const people: Record<string, number> = {
    'fuel:operator': (await newUser('fuel', 'staff', { roles: ['operator'] })).id,
    'rail:client': (
      await inTenant('rail', () =>
        db.from('users').where('email', 'client@rail.test').firstOrFail()
      )
    ).id,
    'pos-east:client': (
      await inTenant('pos-east', () =>
        db.from('users').where('email', 'client@pos-east.test').firstOrFail()
      )
    ).id,
    'pos-east-kiosk:client': (
      await inTenant('pos-east-kiosk', () =>
        db.from('users').where('email', 'client@pos-east-kiosk.test').firstOrFail()
      )
    ).id,
  }
  const emails: Record<Actor, [string, string]> = {
    'platform owner': ['localhost', 'owner@platform.test'],
    'agent admin': ['pos', (await newUser('pos', 'staff', { roles: ['admin'] })).email],
    'agent operator': ['pos', (await newUser('pos', 'staff', { roles: ['operator'] })).email],
    'sub-agent admin': [
      'pos-east',
      (await newUser('pos-east', 'staff', { roles: ['admin'] })).email,
    ],
    'client admin': ['pos', clientAdmin.email],
    'client user in two companies': ['pos', clientUser.email],
  }
  const visitor = {} as Record<Actor, Visitor>
  const slug = {} as Record<Actor, string>
  for (const actor of ACTORS) {
    const [home, email] = emails[actor]
    slug[actor] = home
    visitor[actor] = new Visitor(home === 'localhost' ? `localhost:${TEST_PORT}` : hostOf(home))
    const signedIn = await visitor[actor].signIn(email)
    if (signedIn.headers.location !== '/') throw new Error(`${actor} could not sign in`)
  }
  return { visitor, slug, clients, companies: { a, b, c }, roles, people, tenants }
}

test.group('Authorization matrix (issue #3)', (group) => {
  let world: World
  group.setup(async () => {
    world = await buildWorld()
  })

  for (const action of SPEC) {
    for (const actor of ACTORS) {
      for (const [where, outcome] of Object.entries(action.expect[actor]) as Array<
        [Where, Outcome]
      >) {
        test(`${actor} · ${action.name} · ${where} → ${outcome}`, async ({ assert }) => {
          const request = await action.request(world, actor, where)
          const response = await world.visitor[actor].send(
            request.method,
            request.path,
            request.body ?? {}
          )
          assert.equal(
            response.status,
            STATUS[outcome],
            `${request.method} ${request.path}: ${response.body.slice(0, 200)}`
          )
        })
      }
    }
  }

  test('the subtree list reaches exactly as far as the grant', async ({ assert }) => {
    const scopeOf = async (actor: Actor) =>
      (await world.visitor[actor].page<any>('/cabinet/clients?scope=subtree')).page.props.scope
    assert.equal(await scopeOf('agent admin'), 'subtree')
    assert.equal(await scopeOf('sub-agent admin'), 'subtree')
    const names = (
      await world.visitor['sub-agent admin'].page<any>('/cabinet/clients?scope=subtree')
    ).page.props.clients.map((row: any) => row.id)
    assert.includeMembers(names, world.clients['pos-east-kiosk'])
    for (const id of world.clients.pos) assert.notInclude(names, id)
  })
})
