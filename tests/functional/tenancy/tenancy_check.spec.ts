import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { checkTenancy } from '#app/tenancy/tenancy_check'
import { RUNTIME_ROLE } from '../../../bin/provision_database.ts'

test.group('tenancy:check', () => {
  test('passes on the migrated schema', async ({ assert }) => {
    assert.deepEqual(await checkTenancy(db.connection('owner'), RUNTIME_ROLE), [])
  })

  test('reports a tenant table without forced RLS, a unique and a FK without tenant_id', async ({
    assert,
  }) => {
    const owner = db.connection('owner')
    await owner
      .rawQuery(
        `create table probe_items (id bigint primary key, tenant_id bigint not null, code text unique,
        user_id bigint, foreign key (tenant_id, user_id) references users (tenant_id, id),
        role_id bigint references dictionary_probe (id))`
      )
      .catch(() =>
        owner.rawQuery(
          `create table probe_items (id bigint primary key, tenant_id bigint not null, code text unique)`
        )
      )
    try {
      const gaps = await checkTenancy(owner, RUNTIME_ROLE)
      const problems = gaps.filter((gap) => gap.table === 'probe_items').map((gap) => gap.problem)
      assert.includeMembers(problems, [
        'row level security is not enabled',
        'row level security is not forced',
        'has no RLS policy',
      ])
      assert.isTrue(problems.some((problem) => problem.startsWith('unique index')))
    } finally {
      await owner.rawQuery('drop table probe_items')
    }
  })

  test('reports an append-only table the runtime role could rewrite', async ({ assert }) => {
    const owner = db.connection('owner')
    await owner.rawQuery(`grant update, delete on audit_log to ${RUNTIME_ROLE}`)
    try {
      const gaps = await checkTenancy(owner, RUNTIME_ROLE)
      assert.deepInclude(gaps, {
        table: 'audit_log',
        problem: `runtime role ${RUNTIME_ROLE} can rewrite an append-only table`,
      })
    } finally {
      await owner.rawQuery(`revoke update, delete on audit_log from ${RUNTIME_ROLE}`)
    }
    assert.deepEqual(await checkTenancy(owner, RUNTIME_ROLE), [])
  })

  test('the runtime role cannot bypass RLS, owns nothing and cannot alter tables', async ({
    assert,
  }) => {
    const role = await db
      .connection('app')
      .rawQuery(`select rolsuper, rolbypassrls from pg_roles where rolname = current_user`)
    assert.deepEqual(role.rows[0], { rolsuper: false, rolbypassrls: false })
    await assert.rejects(() =>
      db.connection('app').rawQuery('alter table users disable row level security')
    )
  })
})
