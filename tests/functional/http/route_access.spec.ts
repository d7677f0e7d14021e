import { test } from '@japa/runner'
import router from '@adonisjs/core/services/router'
import db from '@adonisjs/lucid/services/db'
import hash from '@adonisjs/core/services/hash'
import { moduleCatalog } from '#app/core/modules/registry'
import { runInTenant } from '#app/core/database/tenant_context'
import User from '#app/auth/models/user'
import { foreignIdFixtures } from '#tests/support/foreign_ids'
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
    const others = await db
      .from('tenants')
      .whereRaw('not (path <@ ?::ltree)', [fuelTenant.path])
      .select('id')
      .limit(20)
    // Each module names the foreign rows its routes take (tests/functional/<module>/foreign_ids.ts).
    const catalog = await moduleCatalog()
    const fixtures = await foreignIdFixtures()
    const idsByRoute = new Map<string, Array<{ id: number }>>()
    for (const fixture of fixtures.values()) {
      for (const [name, ids] of Object.entries(await fixture.ids({ others }))) {
        idsByRoute.set(name, ids)
      }
    }
    const uncovered = withIds
      .filter((route) => !idsByRoute.has(route.name!))
      .map((route) => `${route.name} (${catalog.routes.get(route.name!)?.module})`)
    assert.deepEqual(uncovered, [], 'routes with an :id no foreign_ids.ts fixture covers')
    const disabledBefore = await db.from('tenants').where('status', 'disabled').count('* as total')
    for (const route of withIds) {
      const ids = idsByRoute.get(route.name!)!
      assert.isNotEmpty(ids, route.name)
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
    for (const fixture of fixtures.values()) await fixture.untouched?.({ others })
  }).timeout(60000)

  test('public routes answer without a session', async ({ assert }) => {
    for (const path of ['/login', '/api/v1/brand', '/health/live']) {
      const response = await request({ path, host: hostOf('repair') })
      assert.equal(response.status, 200, path)
    }
  })
})
