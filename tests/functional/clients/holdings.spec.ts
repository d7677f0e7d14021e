import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import hash from '@adonisjs/core/services/hash'
import app from '@adonisjs/core/services/app'
import { runInTenant } from '#app/core/database/tenant_context'
import User from '#app/auth/models/user'
import Role from '#app/tenancy/models/role'
import { SavePackage } from '#app/access/actions/manage_packages'
import { hostOf, Visitor } from '#tests/support/http'

async function inTenant<T>(slug: string, work: () => Promise<T>) {
  const tenant = await db.from('tenants').where('slug', slug).firstOrFail()
  return runInTenant(db, tenant.id, work)
}

async function newUser(slug: string, audience: 'staff' | 'client', label: string) {
  const email = `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@${slug}.test`
  await inTenant(slug, async () =>
    User.create({
      email,
      password: await hash.make('kabinet-demo'),
      fullName: `Test ${label}`,
      audience,
      status: 'active',
    })
  )
  return email
}

const railClients = () => inTenant('rail', () => db.from('clients').orderBy('name'))
const clientRole = (slug: string) =>
  inTenant(slug, () => Role.query().where('audience', 'client').orderBy('id').firstOrFail())
const membershipsOf = (slug: string, email: string) =>
  inTenant(slug, () =>
    db
      .from('client_memberships as m')
      .join('users as u', (join) =>
        join.on('u.id', 'm.user_id').andOn('u.tenant_id', 'm.tenant_id')
      )
      .where('u.email', email)
      .select('m.client_id', 'm.role_id')
  )

async function railAdmin() {
  const admin = new Visitor(hostOf('rail'))
  await admin.signIn('admin@rail.test')
  return admin
}

test.group('Holdings: client users acting for several companies', () => {
  test('staff link a client user to two companies; it switches between them without signing out', async ({
    assert,
  }) => {
    const email = await newUser('rail', 'client', 'holding')
    const [first, second] = await railClients()
    const role = await clientRole('rail')
    const admin = await railAdmin()
    for (const company of [first, second]) {
      const linked = await admin.send('POST', `/cabinet/clients/${company.id}/members`, {
        email,
        roleId: role.id,
      })
      assert.equal(linked.status, 200, linked.body)
    }
    const { page: detail } = await admin.page<any>(`/cabinet/clients/${first.id}`)
    assert.equal(detail.component, 'clients/clients/show')
    assert.include(
      detail.props.members.map((member: any) => member.email),
      email
    )

    const client = new Visitor(hostOf('rail'))
    await client.signIn(email)
    const { page: home } = await client.page<any>('/')
    assert.equal(home.props.company.id, first.id)
    assert.deepEqual(
      home.props.holding.companies.map((company: any) => company.id),
      [first.id, second.id]
    )
    const switched = await client.send('POST', '/portal/company', { companyId: second.id })
    assert.equal(switched.status, 200)
    const { page: after } = await client.page<any>('/')
    assert.equal(after.props.company.id, second.id)
    assert.equal(after.props.holding.activeId, second.id)
    assert.equal(after.props.company.name, second.name)

    // A company outside the holding — of this tenant or another — is as good as missing.
    const fuelClient = await inTenant('fuel', () => db.from('clients').firstOrFail())
    const outsider = (await railClients()).find(
      (row) => row.id !== first.id && row.id !== second.id
    )
    for (const companyId of [fuelClient.id, outsider?.id ?? 999999999]) {
      const refused = await client.send('POST', '/portal/company', { companyId })
      assert.equal(refused.status, 404)
    }
    assert.equal((await client.page<any>('/')).page.props.company.id, second.id)

    const audit = await inTenant('rail', () =>
      db.from('audit_log').where('action', 'portal.company_switched').orderBy('id', 'desc').first()
    )
    assert.deepEqual(audit.after, { companyId: second.id })
    assert.deepEqual(audit.before, { companyId: first.id })
  })

  test('unlinking takes the company away on the very next request', async ({ assert }) => {
    const email = await newUser('rail', 'client', 'unlink')
    const [first, second] = await railClients()
    const role = await clientRole('rail')
    const admin = await railAdmin()
    for (const company of [first, second]) {
      await admin.send('POST', `/cabinet/clients/${company.id}/members`, { email, roleId: role.id })
    }
    const client = new Visitor(hostOf('rail'))
    await client.signIn(email)
    await client.send('POST', '/portal/company', { companyId: second.id })

    const user = await inTenant('rail', () => User.query().where('email', email).firstOrFail())
    const unlinked = await admin.send('DELETE', `/cabinet/clients/${second.id}/members/${user.id}`)
    assert.equal(unlinked.status, 200)
    const { page } = await client.page<any>('/')
    assert.equal(page.props.company.id, first.id)
    assert.lengthOf(page.props.holding.companies, 1)

    await admin.send('DELETE', `/cabinet/clients/${first.id}/members/${user.id}`)
    const { page: none } = await client.page<any>('/')
    assert.isNull(none.props.company)
    assert.equal((await client.get('/portal/profile')).status, 403)
    // Unlinking twice: nothing to unlink is a 404.
    const again = await admin.send('DELETE', `/cabinet/clients/${first.id}/members/${user.id}`)
    assert.equal(again.status, 404)
    const audit = await inTenant('rail', () =>
      db.from('audit_log').where('action', 'clients.member_unlinked').orderBy('id', 'desc').first()
    )
    assert.deepEqual(audit.before, { userId: user.id, roleId: role.id })
  })

  test('linking refuses unknown people, staff users and staff roles, and writes nothing', async ({
    assert,
  }) => {
    const [company] = await railClients()
    const role = await clientRole('rail')
    const staffRole = await inTenant('rail', () =>
      Role.query().where('audience', 'staff').orderBy('id').firstOrFail()
    )
    const staffEmail = await newUser('rail', 'staff', 'staff')
    const clientEmail = await newUser('rail', 'client', 'refused')
    const admin = await railAdmin()
    const cases = [
      { email: 'nobody@rail.test', roleId: role.id, field: 'email' },
      { email: staffEmail, roleId: role.id, field: 'email' },
      // Another tenant's client of the same name does not exist here either.
      { email: 'client@fuel.test', roleId: role.id, field: 'email' },
      { email: clientEmail, roleId: staffRole.id, field: 'roleId' },
    ]
    for (const body of cases) {
      const response = await admin.send('POST', `/cabinet/clients/${company.id}/members`, {
        email: body.email,
        roleId: body.roleId,
      })
      assert.equal(response.status, 422, JSON.stringify(body))
      const [error] = response.json<any>().errors
      assert.equal(error.field, body.field)
      // Translated: rail works in Russian.
      assert.match(error.message, /[а-яё]/i)
    }
    assert.lengthOf(await membershipsOf('rail', clientEmail), 0)
    assert.lengthOf(await membershipsOf('rail', staffEmail), 0)
  })

  test('an operator without the linking permission gets 403 and changes nothing', async ({
    assert,
  }) => {
    const [company] = await railClients()
    const role = await clientRole('rail')
    const clientEmail = await newUser('rail', 'client', 'operator-target')
    const operatorEmail = await newUser('rail', 'staff', 'operator')
    await inTenant('rail', async () => {
      const user = await User.query().where('email', operatorEmail).firstOrFail()
      const viewRole = await Role.create({
        key: `viewer_${Date.now()}`,
        name: { en: 'Viewer', ru: 'Просмотр', fa: 'ناظر' },
        audience: 'staff',
        permissions: ['cabinet.home.view', 'clients.companies.view'],
      })
      await db
        .table('user_roles')
        .insert({ tenant_id: viewRole.tenantId, user_id: user.id, role_id: viewRole.id })
    })
    const operator = new Visitor(hostOf('rail'))
    await operator.signIn(operatorEmail)
    const { page } = await operator.page<any>(`/cabinet/clients/${company.id}`)
    assert.isFalse(page.props.can.manageMembers)
    const response = await operator.send('POST', `/cabinet/clients/${company.id}/members`, {
      email: clientEmail,
      roleId: role.id,
    })
    assert.equal(response.status, 403)
    assert.lengthOf(await membershipsOf('rail', clientEmail), 0)
  })

  test('client roles hold only client permissions, bounded by the ceiling, not by the staff member', async ({
    assert,
  }) => {
    const admin = await railAdmin()
    // The admin never holds portal.home.view itself, yet may define a client role with it.
    const ok = await admin.send('POST', '/cabinet/roles', {
      name: 'Client reader',
      audience: 'client',
      permissions: ['portal.home.view'],
    })
    assert.equal(ok.status, 200, ok.body)
    // A staff power never travels through a client role.
    const staffPower = await admin.send('POST', '/cabinet/roles', {
      name: 'Sneaky client',
      audience: 'client',
      permissions: ['portal.home.view', 'access.roles.manage'],
    })
    assert.equal(staffPower.status, 422)
    assert.equal(
      staffPower.json<any>().errors[0].message,
      'Клиентская роль может содержать только клиентские права.'
    )
    const sneaky = await inTenant('rail', () =>
      db.from('roles').whereRaw(`name->>'en' = ?`, ['Sneaky client'])
    )
    assert.lengthOf(sneaky, 0)
  })

  test("a package may carry client-only permissions inside the owner's ceiling", async ({
    assert,
  }) => {
    const pos = await db.from('tenants').where('slug', 'pos').firstOrFail()
    const registry = await app.container.make('tenancy.registry')
    const ceiling = (await registry.tenant(pos.id))!.access.ceiling
    assert.isTrue(ceiling.has('portal.home.view'))
    // pos's admin: its roles' permissions, which never include portal.home.view.
    const adminRole = await inTenant('pos', () => Role.query().where('key', 'admin').firstOrFail())
    assert.notInclude(adminRole.permissions, 'portal.home.view')
    const actor = {
      userId: 0,
      tenantId: pos.id,
      kind: pos.kind,
      permissions: new Set(adminRole.permissions.filter((key) => ceiling.has(key))),
      ceiling,
    }
    const saved = await runInTenant(db, pos.id, () =>
      new SavePackage().handle(actor, {
        name: `Kiosk clients ${Date.now()}`,
        permissions: ['cabinet.home.view', 'portal.home.view'],
      })
    )
    assert.isTrue(saved.ok)
    // A staff permission the admin lacks still is refused.
    const beyond = await runInTenant(db, pos.id, () =>
      new SavePackage().handle(actor, {
        name: `Beyond ${Date.now()}`,
        permissions: ['portal.home.view', 'platform.tenants.view'],
      })
    )
    assert.isFalse(beyond.ok)
  })
})
