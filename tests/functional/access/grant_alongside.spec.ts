import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { grantAlongside } from '#app/access/grant_alongside'
import { rollOutPermissions } from '#app/access/permission_rollout'
import { ModuleCatalog, moduleCatalog } from '#app/core/modules/registry'

/*
 * The upgrade path for a permission added after tenants exist (migration 0012 uses it):
 * every package and role holding the sibling permission gains the new one, across tenants
 * and through RLS. Run inside a transaction that is rolled back.
 */
test.group('grantAlongside (permission upgrades)', () => {
  test('packages and roles of every tenant that hold the sibling gain the new key, once', async ({
    assert,
  }) => {
    const trx = await db.transaction()
    try {
      await grantAlongside(trx, 'clients.upgrade.probe', 'clients.companies.manage')
      await grantAlongside(trx, 'clients.upgrade.probe', 'clients.companies.manage')
      const packages = await trx
        .from('permission_packages')
        .whereRaw(`'clients.companies.manage' = any(permissions)`)
      assert.isNotEmpty(packages)
      for (const row of packages) {
        assert.equal(
          row.permissions.filter((key: string) => key === 'clients.upgrade.probe').length,
          1
        )
      }
      const untouched = await trx
        .from('permission_packages')
        .whereRaw(`not ('clients.companies.manage' = any(permissions))`)
        .whereRaw(`'clients.upgrade.probe' = any(permissions)`)
      assert.lengthOf(untouched, 0)
      // Roles sit behind RLS: read them tenant by tenant.
      const tenants = await trx.from('tenants').whereNot('kind', 'platform').select('id')
      let upgraded = 0
      for (const { id } of tenants) {
        await trx.rawQuery(`select set_config('app.tenant_id', ?, true)`, [String(id)])
        const roles = await trx.from('roles').select('permissions')
        for (const role of roles) {
          const holder = role.permissions.includes('clients.companies.manage')
          assert.equal(role.permissions.includes('clients.upgrade.probe'), holder)
          if (holder) upgraded++
        }
      }
      assert.isAtLeast(upgraded, tenants.length)
    } finally {
      await trx.rollback()
    }
  })
})

test.group('Declared permission rollouts (issue #12 §1)', () => {
  const probe = {
    key: 'clients.rollout.probe',
    label: { en: 'Probe', ru: 'Проба', fa: 'آزمایش' },
    scopes: ['own' as const],
    grantedAlongside: 'clients.companies.manage',
  }

  async function catalogWithProbe() {
    const real = await moduleCatalog()
    return new ModuleCatalog(
      [...real.modules.values()].map((manifest) =>
        manifest.key === 'clients'
          ? { ...manifest, permissions: [...manifest.permissions, probe] }
          : manifest
      )
    )
  }

  async function holders(trx: TransactionClientContract, key: string) {
    const tenants = await trx.from('tenants').whereNot('kind', 'platform').select('id')
    let count = 0
    for (const { id } of tenants) {
      await trx.rawQuery(`select set_config('app.tenant_id', ?, true)`, [String(id)])
      count += (await trx.from('roles').whereRaw(`? = any(permissions)`, [key])).length
    }
    return count
  }

  test('a declared rule reaches existing roles once; a permission taken away later stays away', async ({
    assert,
  }) => {
    const catalog = await catalogWithProbe()
    const trx = await db.connection('owner').transaction()
    try {
      assert.deepEqual(await rollOutPermissions(trx, catalog), ['clients.rollout.probe'])
      const granted = await holders(trx, probe.key)
      assert.isAtLeast(granted, 1)
      assert.equal(granted, await holders(trx, probe.grantedAlongside))
      // An administrator takes it away from every role; the next start does not put it back.
      const tenants = await trx.from('tenants').select('id')
      for (const { id } of tenants) {
        await trx.rawQuery(`select set_config('app.tenant_id', ?, true)`, [String(id)])
        await trx.rawQuery(`update roles set permissions = array_remove(permissions, ?)`, [
          probe.key,
        ])
      }
      assert.deepEqual(await rollOutPermissions(trx, catalog), [])
      assert.equal(await holders(trx, probe.key), 0)
      // The rules the baseline migrations applied by hand are recorded as done.
      assert.deepEqual(await rollOutPermissions(trx, await moduleCatalog()), [])
    } finally {
      await trx.rollback()
    }
  })

  test('a rule naming a permission nobody declares is refused when modules load', async ({
    assert,
  }) => {
    const real = await moduleCatalog()
    assert.throws(
      () =>
        new ModuleCatalog(
          [...real.modules.values()].map((manifest) =>
            manifest.key === 'clients'
              ? {
                  ...manifest,
                  permissions: [
                    ...manifest.permissions,
                    { ...probe, grantedAlongside: 'clients.nothing.here' },
                  ],
                }
              : manifest
          )
        ),
      /granted alongside unknown/
    )
  })
})
