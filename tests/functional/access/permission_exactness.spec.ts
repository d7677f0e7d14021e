/*
 * A permission grants exactly the routes that declare it (issue #11 §6). Generated from the
 * catalog and the router: for every permission, a person holding only it (staff on the platform,
 * whose ceiling is the whole catalog; a client of fuel for client-only permissions) opens every
 * GET route that declares it (or an `anyOf` containing it) and is refused (403) by every other
 * route that needs a permission, whatever its method. New modules' routes and permissions join
 * the sweep with no list to edit.
 */
import { test } from '@japa/runner'
import router from '@adonisjs/core/services/router'
import db from '@adonisjs/lucid/services/db'
import { moduleCatalog } from '#app/core/modules/registry'
import type { RouteAccess } from '#app/core/modules/manifest'
import { hostOf, TEST_PORT, Visitor } from '#tests/support/http'
import { inTenant, newUser } from '#tests/support/people'
import Role from '#app/tenancy/models/role'

/*
 * A refusal: 403, or a page that is not there for this person at all (404: the console on an
 * agent's domain; 302: the other audience's side, sent home). Requests ask for JSON, so a
 * refused form would answer 422, never a redirect.
 */
const REFUSED = new Set([302, 403, 404])

interface SweptRoute {
  name: string
  method: string
  pattern: string
  access: RouteAccess
}

function declares(access: RouteAccess, permission: string) {
  if ('permission' in access) return access.permission === permission
  if ('anyOf' in access) return access.anyOf.includes(permission)
  return false
}

async function protectedRoutes(): Promise<SweptRoute[]> {
  const catalog = await moduleCatalog()
  return Object.values(router.toJSON())
    .flat()
    .flatMap((route) => {
      const access = route.name ? catalog.routes.get(route.name) : undefined
      if (!access || 'public' in access || 'self' in access) return []
      const method = route.methods.find((m) => m !== 'HEAD')!
      return [{ name: route.name!, method, pattern: route.pattern, access }]
    })
}

/** Real ids of the tenant the person works in, so a GET it may open finds its row. */
async function pathFor(pattern: string, ids: Record<string, number | string>) {
  return pattern.replace(/:(\w+)/g, (_, name: string) => String(ids[name] ?? ids.id))
}

/** A role of `slug` holding only `permission` (in its first allowed scope), and a person with it. */
async function personHoldingOnly(slug: string, permission: string, audience: 'staff' | 'client') {
  const catalog = await moduleCatalog()
  const scope = catalog.permissions.get(permission)!.scopes[0]
  const key = `only-${permission.replaceAll('.', '-')}-${Date.now()}`
  const tenant = await db.from('tenants').where('slug', slug).firstOrFail()
  const person = await newUser(slug, audience, { label: key.slice(0, 40) })
  await inTenant(slug, async () => {
    const role = await Role.create({
      tenantId: tenant.id,
      key,
      name: { en: key },
      audience,
      permissions: [permission],
      scopes: { [permission]: scope },
    } as Partial<Role>)
    if (audience === 'staff') {
      await db
        .table('user_roles')
        .insert({ tenant_id: tenant.id, user_id: person.id, role_id: role.id })
    } else {
      const client = await db.from('clients').where('tenant_id', tenant.id).firstOrFail()
      await db.table('client_memberships').insert({
        tenant_id: tenant.id,
        user_id: person.id,
        client_id: client.id,
        role_id: role.id,
      })
    }
  })
  const host = slug === 'platform' ? `localhost:${TEST_PORT}` : hostOf(slug)
  const visitor = new Visitor(host)
  const signedIn = await visitor.signIn(person.email)
  if (signedIn.status >= 400) throw new Error(`sign-in of ${person.email}: ${signedIn.status}`)
  return visitor
}

test.group('Permission keys mean exactly what they say', () => {
  test('a role holding only one permission opens exactly the routes that declare it', async ({
    assert,
  }) => {
    const catalog = await moduleCatalog()
    const routes = await protectedRoutes()
    const platform = await db.from('tenants').whereNull('parent_id').firstOrFail()
    const fuel = await db.from('tenants').where('slug', 'fuel').firstOrFail()
    const fuelClient = await inTenant('fuel', () =>
      db.from('clients').where('tenant_id', fuel.id).firstOrFail()
    )
    const platformDomain = await db.from('domains').where('tenant_id', platform.id).firstOrFail()
    const idsOf = (tenantId: number, clientId: number | string) => ({
      id: tenantId,
      domainId: platformDomain.id,
      userId: 1,
      asset: 'logo-light',
      audience: 'staff',
      provider: 'smtp',
      clientId,
    })
    const wrong: string[] = []
    let opened = 0
    for (const [permission, declaration] of catalog.permissions) {
      const clientOnly = declaration.scopes.every((scope) => scope === 'companies')
      // Staff permissions are tried on the platform and on an agent (some pages live on one of
      // them only, such as the console or the agent's cabinet home); a declared page must open
      // on one of them, every other route must be refused on both.
      const places = clientOnly
        ? [{ slug: 'fuel', audience: 'client' as const, ids: idsOf(fuel.id, fuelClient.id) }]
        : [
            { slug: 'platform', audience: 'staff' as const, ids: idsOf(platform.id, 1) },
            { slug: 'fuel', audience: 'staff' as const, ids: idsOf(fuel.id, fuelClient.id) },
          ]
      const openedSomewhere = new Map<string, boolean>()
      for (const place of places) {
        const visitor = await personHoldingOnly(place.slug, permission, place.audience)
        for (const route of routes) {
          const mine = declares(route.access, permission)
          // A write the permission allows would really happen: only reads are opened.
          if (mine && route.method !== 'GET') continue
          const path = await pathFor(route.pattern, place.ids)
          const { status } = await visitor.send(route.method, path, {})
          if (mine) {
            // Not refused where the page lives (a 404 for a missing asset is the handler's answer).
            openedSomewhere.set(route.name, openedSomewhere.get(route.name) || status !== 403)
            if (status >= 500)
              wrong.push(`${permission}: ${route.method} ${path} answered ${status}`)
          } else if (!REFUSED.has(status)) {
            wrong.push(`${permission} on ${place.slug}: ${route.method} ${path} answered ${status}`)
          }
        }
      }
      for (const [name, ok] of openedSomewhere) {
        if (ok) opened++
        else wrong.push(`${permission}: ${name} did not open`)
      }
    }
    assert.deepEqual(wrong, [])
    assert.isAbove(opened, 20)
  }).timeout(600_000)
})
