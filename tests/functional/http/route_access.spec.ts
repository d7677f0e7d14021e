import { test } from '@japa/runner'
import { randomBytes } from 'node:crypto'
import router from '@adonisjs/core/services/router'
import db from '@adonisjs/lucid/services/db'
import hash from '@adonisjs/core/services/hash'
import { moduleCatalog } from '#app/core/modules/registry'
import { runInTenant } from '#app/core/database/tenant_context'
import User from '#app/auth/models/user'
import { notify } from '#app/notifications/notify'
import { hostOf, request, TEST_PORT, Visitor } from '#tests/support/http'

const routes = () =>
  Object.values(router.toJSON())
    .flat()
    .map((route) => ({
      name: route.name,
      pattern: route.pattern,
      method: route.methods.find((method) => method !== 'HEAD')!,
    }))

/** Fills :params with ids that exist: fuel's tenant id, one of its domains, a real asset. */
async function pathFor(pattern: string) {
  const fuel = await db.from('tenants').where('slug', 'fuel').firstOrFail()
  const domain = await db.from('domains').where('tenant_id', fuel.id).firstOrFail()
  return pattern
    .replace(':domainId', String(domain.id))
    .replace(':userId', '1')
    .replace(':id', String(fuel.id))
    .replace(':asset', 'logo-light')
    .replace(':audience', 'staff')
    .replace(':provider', 'smtp')
}

test.group('Route access declarations', () => {
  test('every route is named and declares a permission or a public reason', async ({ assert }) => {
    const catalog = await moduleCatalog()
    const undeclared = routes()
      .filter((route) => !route.name || !catalog.routes.has(route.name))
      .map((route) => `${route.method} ${route.pattern} (${route.name ?? 'unnamed'})`)
    assert.deepEqual(undeclared, [])
    // And nothing is declared for a route that no longer exists (bench routes are off here).
    const names = new Set(routes().map((route) => route.name))
    const stale = [...catalog.routes.keys()].filter(
      (name) => !names.has(name) && !name.startsWith('bench.')
    )
    assert.deepEqual(stale, [])
  })

  test('every route that needs a permission answers 403 to a signed-in user without it, and changes nothing', async ({
    assert,
  }) => {
    const catalog = await moduleCatalog()
    const platform = await db.from('tenants').whereNull('parent_id').firstOrFail()
    // A platform staff member with no role at all.
    const email = `nobody-${Date.now()}@platform.test`
    await runInTenant(db, platform.id, async () => {
      await User.create({
        email,
        password: await hash.make('kabinet-demo'),
        fullName: 'No Role',
        audience: 'staff',
        status: 'active',
      })
    })
    const visitor = new Visitor(`localhost:${TEST_PORT}`)
    await visitor.signIn(email)
    const before = await db.from('tenants').count('* as total')
    const protectedRoutes = routes().filter((route) => {
      const access = catalog.routes.get(route.name!)
      return access && !('public' in access) && !('self' in access)
    })
    assert.isAbove(protectedRoutes.length, 10)
    for (const route of protectedRoutes) {
      const response = await visitor.send(route.method, await pathFor(route.pattern), {
        status: 'disabled',
        hostname: 'x.example.test',
        name: 'Changed',
      })
      assert.equal(response.status, 403, `${route.method} ${route.pattern}`)
    }
    assert.deepEqual(await db.from('tenants').count('* as total'), before)
    const fuel = await db.from('tenants').where('slug', 'fuel').firstOrFail()
    assert.equal(fuel.status, 'active')
  }).timeout(60000)

  test("every route with an id answers 404 to another tenant's staff, for 20 ids each", async ({
    assert,
  }) => {
    const withIds = routes().filter((route) => route.pattern.includes(':id'))
    assert.isNotEmpty(withIds)
    const fuel = new Visitor(hostOf('fuel'))
    await fuel.signIn('admin@fuel.test')
    const fuelTenant = await db.from('tenants').where('slug', 'fuel').firstOrFail()
    // Outside fuel's own subtree (tests add sub-agents under fuel, which are fuel's to manage).
    const otherTenants = await db
      .from('tenants')
      .whereRaw('not (path <@ ?::ltree)', [fuelTenant.path])
      .select('id')
      .limit(20)
    const otherPackages = await db
      .from('permission_packages')
      .whereNot('owner_tenant_id', fuelTenant.id)
      .select('id')
      .limit(20)
    // Users of other tenants, read in their own tenant scopes (RLS).
    const otherUsers: Array<{ id: number }> = []
    for (const { id } of otherTenants) {
      const rows = await runInTenant(db, id, () => db.from('users').select('id').limit(2))
      otherUsers.push(...rows)
    }
    const otherClients: Array<{ id: number }> = []
    for (const { id } of otherTenants) {
      otherClients.push(...(await runInTenant(db, id, () => db.from('clients').select('id'))))
    }
    assert.isAtLeast(otherClients.length, 5)
    // Live invitations of other tenants (ids from the one token table, so they could clash).
    const otherInvitations: Array<{ id: number }> = []
    for (const { id } of otherTenants.slice(0, 4)) {
      const rows = await runInTenant(db, id, () =>
        db
          .table('user_tokens')
          .insert({
            tenant_id: id,
            purpose: 'invitation',
            token_hash: randomBytes(32),
            email: `sweep-${id}@example.test`,
            expires_at: new Date(Date.now() + 3600_000),
          })
          .returning('id')
      )
      otherInvitations.push(...rows)
    }
    // Pending link requests of other tenants' people.
    const otherRequests: Array<{ id: number }> = []
    for (const { id } of otherTenants.slice(1, 5)) {
      const [person] = await runInTenant(db, id, () => db.from('users').select('id').limit(1))
      if (!person) continue
      const rows = await runInTenant(db, id, () =>
        db
          .table('link_requests')
          .insert({ tenant_id: id, user_id: person.id, company: JSON.stringify({ name: 'Sweep' }) })
          .returning('id')
      )
      otherRequests.push(...rows)
    }
    assert.isNotEmpty(otherRequests)
    // Notifications of other tenants' people.
    const otherNotifications: Array<{ id: number }> = []
    for (const { id } of otherTenants.slice(0, 4)) {
      const [person] = await runInTenant(db, id, () => db.from('users').select('id').limit(1))
      if (!person) continue
      const rows = await runInTenant(db, id, async () => {
        await notify('jobs.dead_letter', {
          userIds: [person.id],
          params: { queue: 'sweep', attempts: 1, error: 'sweep' },
        })
        return db
          .from('notifications')
          .where('params', '@>', JSON.stringify({ queue: 'sweep' }))
          .select('id')
      })
      otherNotifications.push(...rows)
    }
    assert.isNotEmpty(otherNotifications)
    const disabledBefore = await db.from('tenants').where('status', 'disabled').count('* as total')
    for (const route of withIds) {
      // The ids a route takes: packages for the package routes, tenants elsewhere.
      const ids = route.pattern.startsWith('/cabinet/packages')
        ? otherPackages
        : route.pattern.startsWith('/cabinet/people')
          ? otherUsers
          : route.pattern.startsWith('/cabinet/clients')
            ? otherClients.slice(0, 20)
            : route.pattern.startsWith('/cabinet/invitations')
              ? otherInvitations
              : route.pattern.startsWith('/cabinet/requests')
                ? otherRequests
                : route.pattern.startsWith('/notifications')
                  ? otherNotifications
                  : otherTenants
      for (const { id } of ids) {
        const path = route.pattern
          .replace(':domainId', '1')
          .replace(':userId', '1')
          .replace(':id', String(id))
          .replace(':asset', 'favicon')
        const response = await fuel.send(route.method, path, { status: 'disabled' })
        assert.equal(response.status, 404, `${route.method} ${path}`)
      }
    }
    const disabledAfter = await db.from('tenants').where('status', 'disabled').count('* as total')
    assert.deepEqual(disabledAfter, disabledBefore)
    for (const { id } of otherTenants.slice(0, 4)) {
      const spent = await runInTenant(db, id, () =>
        db.from('user_tokens').where('email', `sweep-${id}@example.test`).whereNotNull('used_at')
      )
      assert.lengthOf(spent, 0)
    }
    for (const { id } of otherTenants.slice(0, 4)) {
      const unread = await runInTenant(db, id, () =>
        db
          .from('notifications')
          .whereIn(
            'id',
            otherNotifications.map((row) => row.id)
          )
          .whereNotNull('read_at')
      )
      assert.lengthOf(unread, 0)
    }
    for (const { id } of otherTenants.slice(1, 5)) {
      const requests = await runInTenant(db, id, () =>
        db.from('link_requests').whereIn(
          'id',
          otherRequests.map((row) => row.id)
        )
      )
      for (const row of requests) assert.equal(row.status, 'pending')
    }
  }).timeout(60000)

  test('public routes answer without a session', async ({ assert }) => {
    for (const path of ['/login', '/api/v1/brand', '/health/live']) {
      const response = await request({ path, host: hostOf('repair') })
      assert.equal(response.status, 200, path)
    }
  })
})
