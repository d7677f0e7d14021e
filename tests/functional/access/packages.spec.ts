import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { runInTenant } from '#app/core/database/tenant_context'
import app from '@adonisjs/core/services/app'
import { SavePackage } from '#app/access/actions/manage_packages'
import { hostOf, TEST_PORT, Visitor } from '#tests/support/http'

const tenantOf = (slug: string) => db.from('tenants').where('slug', slug).firstOrFail()

/** Rewrites a package as its owner tenant's staff holding the owner's whole ceiling. */
async function updatePackage(ownerSlug: string, packageId: number, permissions: string[]) {
  const owner = await tenantOf(ownerSlug)
  const registry = await app.container.make('tenancy.registry')
  const ceiling = (await registry.tenant(owner.id))!.access.ceiling
  const current = await db.from('permission_packages').where('id', packageId).first()
  return runInTenant(db, owner.id, () =>
    new SavePackage().handle(
      { userId: 0, tenantId: owner.id, kind: owner.kind, permissions: ceiling, ceiling },
      { id: packageId, name: current?.name ?? `Package ${packageId}`, permissions }
    )
  )
}

test.group('Permission packages', () => {
  test("every provisioned tenant has a package within its parent's ceiling", async ({ assert }) => {
    const rows = await db
      .from('tenants')
      .leftJoin('permission_packages', 'permission_packages.id', 'tenants.package_id')
      .select('tenants.slug', 'tenants.parent_id', 'permission_packages.owner_tenant_id')
    for (const row of rows) {
      if (row.parent_id === null) continue
      assert.equal(row.owner_tenant_id, row.parent_id, `${row.slug}'s package is its parent's`)
    }
  })

  test("shrinking a parent's package takes the permission from its whole subtree at once", async ({
    assert,
  }) => {
    const pos = await tenantOf('pos')
    const posPackage = await db
      .from('permission_packages')
      .where('id', pos.package_id)
      .firstOrFail()
    const original: string[] = posPackage.permissions
    assert.include(original, 'cabinet.home.view')

    const staff = { pos: new Visitor(hostOf('pos')), kiosk: new Visitor(hostOf('pos-east-kiosk')) }
    await staff.pos.signIn('admin@pos.test')
    await staff.kiosk.signIn('admin@pos-east-kiosk.test')
    assert.equal((await staff.pos.get('/')).status, 200)
    assert.equal((await staff.kiosk.get('/')).status, 200)

    try {
      const shrunk = original.filter((key) => key !== 'cabinet.home.view')
      assert.deepEqual(await updatePackage('platform', pos.package_id, shrunk), {
        ok: true,
        id: pos.package_id,
      })
      // The agent and its sub-sub-agent lose it on the very next request.
      assert.equal((await staff.pos.get('/')).status, 403)
      assert.equal((await staff.kiosk.get('/')).status, 403)
    } finally {
      await updatePackage('platform', pos.package_id, original)
    }
    assert.equal((await staff.kiosk.get('/')).status, 200)
  })

  test('a package cannot grow beyond its owner, nor name unknown permissions', async ({
    assert,
  }) => {
    const posEast = await tenantOf('pos-east')
    // pos owns pos-east's package; pos itself never held the platform console.
    const beyond = await updatePackage('pos', posEast.package_id, ['platform.tenants.manage'])
    assert.deepEqual(beyond, { ok: false, error: 'beyond_ceiling' })
    const unknown = await updatePackage('pos', posEast.package_id, ['pos.rockets.launch'])
    assert.deepEqual(unknown, { ok: false, error: 'unknown_permission' })
    // Another tenant's package is not found at all.
    const foreign = await updatePackage('rail', posEast.package_id, [])
    assert.deepEqual(foreign, { ok: false, error: 'package_not_found' })
    const after = await db.from('permission_packages').where('id', posEast.package_id).firstOrFail()
    assert.notInclude(after.permissions, 'platform.tenants.manage')
  })

  test('the platform owner holds every permission of the catalog', async ({ assert }) => {
    const owner = new Visitor(`localhost:${TEST_PORT}`)
    await owner.signIn('owner@platform.test')
    assert.equal((await owner.get('/console')).status, 200)
  })
})
