import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import hash from '@adonisjs/core/services/hash'
import User from '#app/auth/models/user'
import Role from '#app/tenancy/models/role'
import { hostOf, Visitor } from '#tests/support/http'
import { inTenant } from '#tests/support/people'

test.group('People and roles, from the cabinet', () => {
  test('an admin sees its people and roles, gives a role, and creates one within itself', async ({
    assert,
  }) => {
    const email = `operator-${Date.now()}@repair.test`
    const person = await inTenant('repair', async () =>
      User.create({
        email,
        password: await hash.make('kabinet-demo'),
        fullName: 'New Operator',
        audience: 'staff',
        status: 'active',
      })
    )
    const technicianRole = await inTenant('repair', () =>
      Role.query().where('key', 'technician').firstOrFail()
    )
    const admin = new Visitor(hostOf('repair'))
    await admin.signIn('admin@repair.test')
    const { page } = await admin.page<any>('/cabinet/people')
    assert.equal(page.component, 'access/people/index')
    assert.include(
      page.props.people.map((row: any) => row.email),
      email
    )
    const given = await admin.send('POST', `/cabinet/people/${person.id}/roles`, {
      roleId: technicianRole.id,
    })
    assert.equal(given.status, 200)

    const created = await admin.send('POST', '/cabinet/roles', {
      name: 'Front desk',
      audience: 'staff',
      permissions: ['cabinet.home.view', 'service.orders.view'],
    })
    assert.equal(created.status, 200)

    // The new operator can now sign in to the cabinet.
    const operator = new Visitor(hostOf('repair'))
    await operator.signIn(email)
    assert.equal((await operator.get('/')).status, 200)
    // But may not open the people screen (403), nor give itself the admin role.
    assert.equal((await operator.get('/cabinet/people')).status, 403)
    const adminRole = await inTenant('repair', () =>
      Role.query().where('key', 'admin').firstOrFail()
    )
    const escalate = await operator.send('POST', `/cabinet/people/${person.id}/roles`, {
      roleId: adminRole.id,
    })
    assert.equal(escalate.status, 403)
  })

  test('roles beyond the admin, people and roles of another tenant are refused', async ({
    assert,
  }) => {
    const admin = new Visitor(hostOf('repair'))
    await admin.signIn('admin@repair.test')
    const beyond = await admin.send('POST', '/cabinet/roles', {
      name: 'Console',
      audience: 'staff',
      permissions: ['platform.tenants.manage'],
    })
    assert.equal(beyond.status, 422)

    const fuelClient = await inTenant('fuel', () =>
      User.query().where('email', 'client@fuel.test').firstOrFail()
    )
    const foreignPerson = await admin.send('POST', `/cabinet/people/${fuelClient.id}/roles`, {
      roleId: 1,
    })
    assert.equal(foreignPerson.status, 404)

    const repairAdmin = await inTenant('repair', () =>
      User.query().where('email', 'admin@repair.test').firstOrFail()
    )
    const fuelRole = await inTenant('fuel', () => Role.query().where('key', 'admin').firstOrFail())
    const foreignRole = await admin.send('POST', `/cabinet/people/${repairAdmin.id}/roles`, {
      roleId: fuelRole.id,
    })
    assert.equal(foreignRole.status, 422)
    const grants = await inTenant('repair', () =>
      db.from('user_roles').where('user_id', repairAdmin.id).select('role_id')
    )
    assert.notInclude(
      grants.map((row) => row.role_id),
      fuelRole.id
    )
  })
})
