import app from '@adonisjs/core/services/app'
import type { Database } from '@adonisjs/lucid/database'
import { asTenant, runInTenant } from '#app/core/database/tenant_context'
import Role from '#app/tenancy/models/role'
import User from '#app/auth/models/user'
import { ProvisionTenant } from '#app/platform/actions/provision_tenant'
import { storeBrandAsset } from '#app/brand/brand_storage'
import { DEMO_TENANTS, demoLogoSvg } from './demo_tenants.ts'
import type { DemoSeeder, DemoTenantRef } from '#app/core/modules/demo'
import { importFromModules, orderByDependencies } from '#app/core/modules/discover'

export const DEFAULT_DEMO_PASSWORD = 'kabinet-demo'

export class DemoSeedRefused extends Error {}

/*
 * Seeds the demo platform once (no-op when a root tenant exists): the tenants, their brands and
 * people here, then each module's own demo data (app/<module>/demo.ts). Refuses in production:
 * demo users share one known password.
 */
export async function seedDemo(db: Database, options: { production: boolean; password?: string }) {
  if (options.production) {
    throw new DemoSeedRefused('The demo seed refuses to run in production (NODE_ENV=production)')
  }
  const existingRoot = await db.from('tenants').whereNull('parent_id').first()
  if (existingRoot) return { seeded: false }

  // From the container, not `services/hash`: the server seeds from an `app.booted` hook, and a
  // service module first imported there would never see its own booted hook run.
  const hash = await app.container.make('hash')
  const password = await hash.make(options.password ?? DEFAULT_DEMO_PASSWORD)
  const ids = new Map<string, number>()
  const tenants = new Map<string, DemoTenantRef>()
  // Each tenant in its own scope; the root is created with a provisional scope of 0.
  for (const demo of DEMO_TENANTS) {
    const parentId = demo.parent ? ids.get(demo.parent)! : null
    const scopeId = parentId ?? 0
    await runInTenant(db, scopeId, async () => {
      const result = await new ProvisionTenant().handle({
        parentId,
        kind: demo.kind,
        slug: demo.slug,
        name: demo.name,
        brand: demo.brand,
      })
      if (!result.ok) throw new Error(`Demo tenant ${demo.slug}: ${result.error}`)
      const tenant = result.tenant
      ids.set(demo.slug, tenant.id)
      // The demo businesses send through the platform's mail server (their sub-agents follow).
      if (demo.parent === 'platform') {
        tenant.mailPlatformFallback = true
        await tenant.save()
      }
      if (demo.logo) {
        const key = await storeBrandAsset(tenant.id, Buffer.from(demoLogoSvg(demo.logo)), 'svg')
        tenant.brand = { ...tenant.brand, logoLight: key, favicon: key }
        await tenant.save()
      }
      await asTenant(tenant.id, async () => {
        const staffRole = await Role.query().where('audience', 'staff').orderBy('id').firstOrFail()
        const admin = await User.create({
          email: demo.slug === 'platform' ? 'owner@platform.test' : `admin@${demo.slug}.test`,
          password,
          fullName: demo.people.admin,
          audience: 'staff',
          status: 'active',
        })
        await db
          .insertQuery()
          .table('user_roles')
          .insert({ tenant_id: tenant.id, user_id: admin.id, role_id: staffRole.id })
        if (demo.slug === 'platform') {
          // A read-only console user: the console's 403 paths are real, not hypothetical.
          const viewerRole = await Role.query().where('key', 'viewer').firstOrFail()
          const viewer = await User.create({
            email: 'viewer@platform.test',
            password,
            fullName: 'Console Viewer',
            audience: 'staff',
            status: 'active',
          })
          await db
            .insertQuery()
            .table('user_roles')
            .insert({ tenant_id: tenant.id, user_id: viewer.id, role_id: viewerRole.id })
        }
        let clientUserId: number | null = null
        if (demo.people.client) {
          const client = await User.create({
            email: `client@${demo.slug}.test`,
            password,
            fullName: demo.people.client,
            audience: 'client',
            status: 'active',
          })
          clientUserId = client.id
        }
        const tenantId = tenant.id
        tenants.set(demo.slug, {
          id: tenantId,
          slug: demo.slug,
          kind: demo.kind,
          adminId: admin.id,
          clientUserId,
          run: (work) => runInTenant(db, tenantId, work),
        })
      })
    })
  }
  // After every tenant exists (the registry is complete): each module's own demo data.
  for (const seeder of await demoSeeders()) await seeder.seed({ db, tenants })
  return { seeded: true }
}

/** The modules' demo seeders, each after the ones it names. */
async function demoSeeders(): Promise<DemoSeeder[]> {
  const found = await importFromModules<{ default: DemoSeeder }>('demo.ts')
  const byModule = new Map(found.map(({ module, exports }) => [module, exports.default]))
  const order = orderByDependencies(
    new Map([...byModule].map(([module, seeder]) => [module, seeder.after ?? []]))
  )
  return order.map((module) => byModule.get(module)!)
}
