/*
 * The route fuzz sweep (issue #11 §5), beside the 403 and cross-tenant 404 sweeps. Generated
 * from the router and the code: every route, as every kind of person (anonymous, platform owner,
 * agent admin, client), gets malformed values in its path parameters, its query string and its
 * body — NUL bytes, invalid UTF-8, huge and negative numbers, 1e308, arrays and objects for
 * scalars, long and 1 MB strings, deep JSON. No answer may be a 5xx and no business row may
 * change. Field names are read from the validators and handlers, so a new module's routes and
 * fields join the sweep with no list to edit.
 */
import { test } from '@japa/runner'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import router from '@adonisjs/core/services/router'
import db from '@adonisjs/lucid/services/db'
import { runInTenant } from '#app/core/database/tenant_context'
import http from 'node:http'
import { hostOf, TEST_PORT, Visitor } from '#tests/support/http'
import { newUser } from '#tests/support/people'
import { newBusiness } from '#tests/support/businesses'
import { newClient, newMembership } from '#tests/functional/clients/factories'

/** Tables whose rows are the business's state (sessions, logs and read marks may move). */
const WATCHED = [
  'tenants',
  'domains',
  'users',
  'roles',
  'user_roles',
  'clients',
  'client_memberships',
  'permission_packages',
  'tenant_menus',
  'integration_credentials',
  'link_requests',
  'dictionary_entries',
  'user_tokens',
]

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return path.endsWith('.ts') ? [path] : []
  })
}

/** Every field name a validator declares or a handler reads, across all modules. */
function harvestedFields(): string[] {
  const names = new Set<string>()
  const patterns = [
    /(\w+):\s*(?:vine\.|idField\()/g,
    /\.input\('(\w+)'/g,
    /qs\(\)\.(\w+)/g,
    /qs\(\)\[['"](\w+)['"]\]/g,
  ]
  for (const file of sourceFiles('app')) {
    if (file.includes('/sandbox/')) continue
    const text = readFileSync(file, 'utf8')
    for (const pattern of patterns) {
      for (const match of text.matchAll(pattern)) names.add(match[1])
    }
  }
  return [...names].sort()
}

function deep(levels: number): unknown {
  let value: unknown = 'x'
  for (let i = 0; i < levels; i++) value = { a: value }
  return value
}

/*
 * Values no field of any type may take: a write that receives them changes nothing. (A digit
 * string is a valid name and `true` a valid flag: those are in AMBIGUOUS_VALUES, sent after the
 * row check, for the 5xx check alone.)
 */
const MALFORMED_VALUES: Array<[string, unknown]> = [
  ['nul', 'a\u0000b'],
  ['control', 'a\u0007\u001bb'],
  ['lone surrogate', 'a\ud800b'],
  ['huge integer', 99999999999999999999],
  ['negative', -1],
  ['1e308', 1e308],
  ['-1e308', -1e308],
  ['array', ['x', 1]],
  ['nested array', [[['x']]]],
  ['object', { a: { b: 1 } }],
  ['deep', deep(60)],
  ['long', 'x'.repeat(10_000)],
  ['null', null],
]
const AMBIGUOUS_VALUES: Array<[string, unknown]> = [
  ['huge integer text', '99999999999999999999'],
  ['true', true],
]

const MALFORMED_PARAMS = ['99999999999999999999', '-1', '1e308', '0', 'abc', '%00', '%ff', '1.5']
const ONE_MB = 'x'.repeat(1024 * 1024)

interface Actor {
  label: string
  host: string
  visitor: Visitor
  /** Signed in (again, after the sweep signed it out) before its next request. */
  email?: string
  signedOut: boolean
  ids: Record<string, string | number>
}

interface Answer {
  status: number
  body: string
  setCookies: string[]
  headers: http.IncomingHttpHeaders
}

/*
 * One request with a deadline; an event stream counts as answered once its headers arrive
 * (it never ends by itself). A request still unanswered after 10 s is a hang (status 0).
 */
function fuzzRequest(
  method: string,
  path: string,
  host: string,
  headers: Record<string, string>,
  body?: string | Buffer
): Promise<Answer> {
  return new Promise((resolve) => {
    const payload = body === undefined ? undefined : Buffer.from(body)
    const req = http.request(
      {
        host: '127.0.0.1',
        port: TEST_PORT,
        method,
        path,
        headers: {
          ...headers,
          host,
          ...(payload ? { 'content-length': String(payload.length) } : {}),
        },
      },
      (res) => {
        const answer = (text: string): Answer => ({
          status: res.statusCode ?? 0,
          body: text,
          headers: res.headers,
          setCookies: res.headers['set-cookie'] ?? [],
        })
        if (String(res.headers['content-type']).startsWith('text/event-stream')) {
          resolve(answer(''))
          req.destroy()
          return
        }
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => resolve(answer(Buffer.concat(chunks).toString('utf8'))))
        res.on('error', () => resolve(answer('')))
      }
    )
    req.setTimeout(10_000, () => {
      req.destroy()
      resolve({ status: 0, body: 'no answer within 10 s', headers: {}, setCookies: [] })
    })
    // The server may close a connection it refused early (an oversized body): that is an answer.
    req.on('error', (error) =>
      resolve({ status: -1, body: error.message, headers: {}, setCookies: [] })
    )
    req.end(payload)
  })
}

async function snapshot(): Promise<Record<string, string>> {
  const tenants = await db.from('tenants').select('id').orderBy('id')
  const sums: Record<string, string> = {}
  for (const { id } of tenants) {
    await runInTenant(db, id, async () => {
      for (const table of WATCHED) {
        const [row] = await db
          .rawQuery(
            // Sign-ins the sweep makes move these columns, never a business fact.
            `select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as sum
             from (select to_jsonb(t) - 'last_login_at' - 'updated_at' - 'password' as x
                     from ${table} t) rows`
          )
          .then((result) => result.rows)
        sums[`${id}:${table}`] = row.sum
      }
    })
  }
  return sums
}

/** A client of the business, with a person signed in for it. */
async function clientOf(slug: string) {
  const person = await newUser(slug, 'client', { label: 'fuzz-client' })
  const client = await newClient(slug, { name: 'Fuzz client' })
  await newMembership(slug, { clientId: client.id, userId: person.id })
  return { email: person.email, clientId: client.id }
}

async function signIn(actor: Actor) {
  actor.visitor = new Visitor(actor.host)
  await actor.visitor.get('/login')
  if (actor.email) {
    const answer = await actor.visitor.signIn(actor.email)
    if (answer.status >= 400) throw new Error(`sign-in of ${actor.email}: ${answer.status}`)
  }
  actor.signedOut = false
}

test.group('Route fuzz sweep (issue #11 §5)', () => {
  test('malformed values in every parameter and field of every route: no 5xx, no row changed', async ({
    assert,
  }) => {
    // A business of its own under fuel: the sweep's writes (an empty brand, a pushed menu)
    // must not change the demo tenants the other tests read.
    const business = await newBusiness({ parentSlug: 'fuel' })
    const domain = await db.from('domains').where('tenant_id', business.id).firstOrFail()
    const ownerEmail = (await newUser('platform', 'staff', { roles: ['owner'] })).email
    const client = await clientOf(business.slug)
    const ids = {
      id: client.clientId,
      domainId: domain.id,
      userId: 1,
      asset: 'logo-light',
      audience: 'staff',
      provider: 'smtp',
      token: 'x',
    }
    const host = hostOf(business.slug)
    const makeActor = (label: string, actorHost: string, email?: string, own = ids): Actor => ({
      label,
      host: actorHost,
      email,
      ids: own,
      visitor: new Visitor(actorHost),
      signedOut: true,
    })
    const actors: Actor[] = [
      makeActor('anonymous', host),
      makeActor('platform owner', `localhost:${TEST_PORT}`, ownerEmail, {
        ...ids,
        id: business.id,
      }),
      makeActor('agent admin', host, business.adminEmail),
      makeActor('client', host, client.email),
    ]
    for (const each of actors) await signIn(each)
    const fields = harvestedFields()
    assert.isAbove(fields.length, 30)
    const routes = Object.values(router.toJSON())
      .flat()
      .map((route) => ({
        name: route.name ?? route.pattern,
        pattern: route.pattern,
        method: route.methods.find((method) => method !== 'HEAD')!,
      }))
    const failures: string[] = []
    let sent = 0

    const send = async (
      actor: Actor,
      method: string,
      path: string,
      body?: string | Buffer,
      contentType = 'application/json'
    ) => {
      // Sessions the sweep itself ends (end sessions, a refused session) are opened again.
      if (actor.signedOut) await signIn(actor)
      const headers: Record<string, string> = {
        'accept': 'application/json',
        'cookie': actor.visitor.cookieHeader,
        'x-xsrf-token': decodeURIComponent(actor.visitor.cookies.get('XSRF-TOKEN') ?? ''),
      }
      if (body !== undefined) headers['content-type'] = contentType
      const answer = await fuzzRequest(method, path, actor.host, headers, body)
      sent++
      if (answer.status > 0) actor.visitor.remember(answer as never)
      if (answer.status >= 500 || answer.status === 0) {
        failures.push(
          `${actor.label}: ${method} ${path.slice(0, 120)} -> ${answer.status} ${String(answer.body).slice(0, 160)}`
        )
      }
      if (answer.status === 401 || !actor.visitor.cookies.has('XSRF-TOKEN')) actor.signedOut = true
    }

    const changed: string[] = []
    for (const route of routes) {
      if (failures.length > 300) break
      if (route.name === 'auth.logout' || route.name === 'impersonation.end') continue
      const validPathOf = (actor: Actor) =>
        route.pattern.replace(/:(\w+)/g, (_, name: string) =>
          encodeURIComponent(String(actor.ids[name] ?? actor.ids.id))
        )
      // A write that takes no input acts on an empty body too (removing an asset, resetting a
      // brand): that is its job. What the malformed values may not do is change anything more.
      let before: Record<string, string> | null = null
      if (route.method !== 'GET') {
        for (const actor of actors) {
          await send(actor, route.method, validPathOf(actor), '{}')
          // A session the previous route ended answers 401 once: the control must really run.
          if (actor.signedOut && actor.email)
            await send(actor, route.method, validPathOf(actor), '{}')
        }
        before = await snapshot()
      }
      for (const actor of actors) {
        const validPath = validPathOf(actor)
        // Path parameters, one malformed value at a time.
        if (route.pattern.includes(':')) {
          for (const value of MALFORMED_PARAMS) {
            const path = route.pattern.replace(/:(\w+)/g, value)
            await send(actor, route.method, path, route.method === 'GET' ? undefined : '{}')
          }
        }
        // The query string: every known field, malformed the ways a URL can carry.
        for (const value of ['%00', '%ff%fe']) {
          const query = fields.map((field) => `${field}=${value}`).join('&')
          const arrays = fields.map((field) => `${field}[]=${value}&${field}[a]=1`).join('&')
          await send(actor, route.method, `${validPath}?${query}`)
          await send(actor, route.method, `${validPath}?${arrays}`)
        }
        if (route.method === 'GET') continue
        // The body: every known field set to each malformed value.
        for (const [, value] of MALFORMED_VALUES) {
          const body = JSON.stringify(Object.fromEntries(fields.map((field) => [field, value])))
          await send(actor, route.method, validPath, body)
        }
        // Invalid UTF-8 in JSON and in a form, a 1 MB string, and a body that is not JSON at all.
        const invalidUtf8 = Buffer.concat([
          Buffer.from(`{"${fields[0]}":"`),
          Buffer.from([0xff, 0xfe, 0xc3, 0x28]),
          Buffer.from('","name":"\\u0000"}'),
        ])
        await send(actor, route.method, validPath, invalidUtf8)
        await send(
          actor,
          route.method,
          validPath,
          Buffer.concat([
            Buffer.from('name='),
            Buffer.from([0xff, 0xc3]),
            Buffer.from('&email=%ff%00'),
          ]),
          'application/x-www-form-urlencoded'
        )
        await send(actor, route.method, validPath, JSON.stringify({ name: ONE_MB }))
        await send(actor, route.method, validPath, '{"name": [1, {"a": ')
      }
      if (before) {
        const after = await snapshot()
        for (const key of Object.keys(after)) {
          if (after[key] !== before[key]) changed.push(`${route.method} ${route.pattern}: ${key}`)
        }
      }
      // Values some field may legitimately take: only the 5xx check applies.
      for (const actor of actors) {
        const validPath = validPathOf(actor)
        const query = fields.map((field) => `${field}=99999999999999999999`).join('&')
        await send(actor, route.method, `${validPath}?${query}`)
        if (route.method === 'GET') continue
        for (const [, value] of AMBIGUOUS_VALUES) {
          const body = JSON.stringify(Object.fromEntries(fields.map((field) => [field, value])))
          await send(actor, route.method, validPath, body)
        }
      }
    }
    assert.deepEqual(failures, [])
    assert.isAbove(sent, 2000)
    assert.deepEqual(changed, [])
  }).timeout(900_000)
})
