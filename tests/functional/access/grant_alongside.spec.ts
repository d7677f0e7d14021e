import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { grantAlongside } from '#database/support/grant_alongside'

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
