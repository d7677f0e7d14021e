import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { runInTenant } from '#app/core/database/tenant_context'
import { hostOf, TEST_PORT, Visitor } from '#tests/support/http'
import { tenantIdOf } from '#tests/support/visitors'

async function auditOf(slug: string, since: Date) {
  return runInTenant(db, await tenantIdOf(slug), () =>
    db.from('audit_log').where('created_at', '>=', since).orderBy('id')
  )
}

test.group('Audit log', () => {
  test('sign-in, a failed sign-in and sign-out are recorded, with no secret', async ({
    assert,
  }) => {
    const since = new Date(Date.now() - 1000)
    const wrong = new Visitor(hostOf('rail'))
    await wrong.post(
      '/login',
      { email: 'admin@rail.test', password: 'hunter2-not-it' },
      { accept: 'application/json' }
    )
    const visitor = new Visitor(hostOf('rail'))
    await visitor.signIn('admin@rail.test')
    await visitor.post('/logout', {})
    const rows = await auditOf('rail', since)
    const actions = rows.map((row) => row.action)
    assert.includeMembers(actions, ['auth.sign_in_failed', 'auth.sign_in', 'auth.sign_out'])
    const failed = rows.find((row) => row.action === 'auth.sign_in_failed')
    assert.deepEqual(failed.after, { email: 'admin@rail.test' })
    assert.notInclude(JSON.stringify(rows), 'hunter2')
    assert.notInclude(JSON.stringify(rows), 'kabinet-demo')
    const signIn = rows.find((row) => row.action === 'auth.sign_in')
    assert.isNotNull(signIn.actor_user_id)
    assert.equal(signIn.ip, '127.0.0.1')
  })

  test('a denied authorization is recorded although the request rolls back', async ({ assert }) => {
    const since = new Date(Date.now() - 1000)
    const viewer = new Visitor(`localhost:${TEST_PORT}`)
    await viewer.signIn('viewer@platform.test')
    const denied = await viewer.send('PUT', `/console/tenants/${await tenantIdOf('fuel')}/status`, {
      status: 'disabled',
    })
    assert.equal(denied.status, 403)
    const rows = await auditOf('platform', since)
    // Other tests' denials on the platform may fall in the same second: this request's is the one.
    const entry = rows.find(
      (row) =>
        row.action === 'authorization.denied' && row.after?.route === 'console.tenants.status'
    )
    assert.isDefined(entry)
    assert.deepEqual(entry.after, {
      permission: 'platform.tenants.manage',
      route: 'console.tenants.status',
      method: 'PUT',
    })
  })

  test('every accepted write on a protected route is recorded in its own transaction', async ({
    assert,
  }) => {
    const since = new Date(Date.now() - 1000)
    const owner = new Visitor(`localhost:${TEST_PORT}`)
    await owner.signIn('owner@platform.test')
    const repairId = await tenantIdOf('repair')
    await owner.send('PUT', `/console/tenants/${repairId}/brand`, { name: 'FixPoint Service' })
    // A refused write leaves no "done" entry behind.
    await owner.send('PUT', `/console/tenants/${repairId}/brand`, { primaryColor: 'nope' })
    const rows = await auditOf('platform', since)
    const brandRows = rows.filter((row) => row.action === 'console.brand.update')
    assert.lengthOf(brandRows, 1)
    assert.equal(brandRows[0].subject_id, String(repairId))
  })

  test('the runtime role can append and read, never update or delete', async ({ assert }) => {
    const fuelId = await tenantIdOf('fuel')
    await runInTenant(db, fuelId, () =>
      db.table('audit_log').insert({ tenant_id: fuelId, action: 'test.append' })
    )
    for (const statement of [
      () => db.from('audit_log').update({ action: 'rewritten' }),
      () => db.from('audit_log').delete(),
      () => db.rawQuery('truncate audit_log'),
    ]) {
      await assert.rejects(() => runInTenant(db, fuelId, statement), /permission denied/)
    }
    const rows = await runInTenant(db, fuelId, () =>
      db.from('audit_log').where('action', 'test.append')
    )
    assert.isNotEmpty(rows)
  })
})

test.group('Audit log screen', () => {
  test("staff read their own tenant's log, filtered; other tenants' rows never show", async ({
    assert,
  }) => {
    const fuelAdmin = new Visitor(hostOf('fuel'))
    await fuelAdmin.signIn('admin@fuel.test')
    const railAdmin = new Visitor(hostOf('rail'))
    await railAdmin.signIn('admin@rail.test')
    const { page } = await fuelAdmin.page<any>('/cabinet/audit?action=auth.sign_in')
    assert.equal(page.component, 'access/audit/index')
    assert.isNotEmpty(page.props.rows)
    for (const row of page.props.rows) assert.match(row.action, /^auth\.sign_in/)
    assert.notInclude(JSON.stringify(page.props), 'admin@rail.test')
    assert.include(JSON.stringify(page.props.rows), 'admin@fuel.test')
  })

  test("bad filters get a translated error; clients never reach the cabinet's log", async ({
    assert,
  }) => {
    const fuelAdmin = new Visitor(hostOf('fuel'))
    await fuelAdmin.signIn('admin@fuel.test')
    const bad = await fuelAdmin.get('/cabinet/audit?from=yesterday', { accept: 'application/json' })
    assert.equal(bad.status, 422)
    assert.include(bad.body, 'Поле «С» должно быть датой.')
    const client = new Visitor(hostOf('fuel'))
    await client.signIn('client@fuel.test')
    // The cabinet is for staff: a client is sent back to its portal.
    assert.equal((await client.get('/cabinet/audit')).status, 302)
  })
})
