import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { BaseSchema } from '@adonisjs/lucid/schema'
import { createTenantTable, tenantReference } from '#app/core/database/tenant_schema'

/*
 * createTenantTable (issue #12 §1): one call gives a module's table the tenant spine — tenant_id,
 * the composite key, RLS enabled, forced and with its policy — and tenantReference a foreign key
 * the database keeps within the tenant. Built as the owner in a transaction that is rolled back.
 */
test.group('Tenant tables in one call', () => {
  test('the table gets its tenant key, the wall, and references that stay in the tenant', async ({
    assert,
  }) => {
    const trx = await db.connection('owner').transaction()
    try {
      const migration = new (class extends BaseSchema {
        async up() {
          createTenantTable(this, 'zz_probe_cards', (table) => {
            table.text('number').notNullable()
            tenantReference(table, 'client_id', 'clients', { nullable: true })
          })
        }
      })(trx, 'zz_probe_cards.ts', false)
      await migration.execUp()

      const [flags] = (
        await trx.rawQuery(
          `select relrowsecurity, relforcerowsecurity from pg_class where relname = 'zz_probe_cards'`
        )
      ).rows
      assert.deepEqual(flags, { relrowsecurity: true, relforcerowsecurity: true })
      const policies = (
        await trx.rawQuery(`select policyname from pg_policies where tablename = 'zz_probe_cards'`)
      ).rows
      assert.deepEqual(policies, [{ policyname: 'zz_probe_cards_tenant_isolation' }])
      const key = (
        await trx.rawQuery(
          `select a.attname from pg_index i
             join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
            where i.indrelid = 'zz_probe_cards'::regclass and i.indisprimary order by a.attname`
        )
      ).rows.map((row: { attname: string }) => row.attname)
      assert.deepEqual(key, ['id', 'tenant_id'])

      // A client of another tenant cannot be referenced: the composite key refuses it.
      const [fuel, rail] = await Promise.all(
        ['fuel', 'rail'].map((slug) => trx.from('tenants').where('slug', slug).first())
      )
      await trx.rawQuery(`select set_config('app.tenant_id', ?, true)`, [String(rail.id)])
      const railClient = await trx.from('clients').first()
      assert.exists(railClient)
      await trx.rawQuery('savepoint probe')
      await assert.rejects(
        () =>
          trx.rawQuery(
            `insert into zz_probe_cards (tenant_id, number, client_id) values (?, '1', ?)`,
            [fuel.id, railClient.id]
          ),
        /foreign key|row-level security/
      )
      await trx.rawQuery('rollback to savepoint probe')
      await trx.rawQuery(
        `insert into zz_probe_cards (tenant_id, number, client_id) values (?, '2', ?)`,
        [rail.id, railClient.id]
      )
    } finally {
      await trx.rollback()
    }
  })
})
