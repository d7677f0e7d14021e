import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { hostOf, Visitor } from '#tests/support/http'
import { inTenant, newUser } from '#tests/support/people'
import Role from '#app/tenancy/models/role'

/** A staff member of `slug` holding exactly `permissions`, each with the given scope. */
async function staffWith(slug: string, permissions: string[], scopes: Record<string, string> = {}) {
  const person = await newUser(slug, 'staff')
  await inTenant(slug, async () => {
    const role = await Role.create({
      key: `scoped_${Date.now()}_${Math.random().toString(36).slice(2, 6)}`,
      name: { en: 'Scoped', ru: 'Область', fa: 'دامنه' },
      audience: 'staff',
      permissions,
      scopes: scopes as Role['scopes'],
    })
    await db
      .table('user_roles')
      .insert({ tenant_id: role.tenantId, user_id: person.id, role_id: role.id })
  })
  const visitor = new Visitor(hostOf(slug))
  await visitor.signIn(person.email)
  return { ...person, visitor }
}

test.group('Grant scopes are delegated like permissions', () => {
  test('an admin with a subtree grant gives it on; a role shows what each grant reaches', async ({
    assert,
  }) => {
    const admin = new Visitor(hostOf('pos'))
    await admin.signIn('admin@pos.test')
    const { page } = await admin.page<any>('/cabinet/people')
    const row = page.props.grantable.find((item: any) => item.key === 'clients.companies.view')
    assert.isTrue(row.subtree)
    // Client permissions are offered for client roles though staff never hold them.
    const portal = page.props.grantable.find((item: any) => item.key === 'portal.home.view')
    assert.deepInclude(portal, { staff: false, client: true })
    const name = `Network viewer ${Date.now()}`
    const saved = await admin.send('POST', '/cabinet/roles', {
      name,
      audience: 'staff',
      permissions: ['cabinet.home.view', 'clients.companies.view'],
      subtree: ['clients.companies.view'],
    })
    assert.equal(saved.status, 200, saved.body)
    const role = await inTenant('pos', () =>
      Role.query().whereRaw(`name->>'en' = ?`, [name]).firstOrFail()
    )
    assert.deepEqual(role.scopes, { 'clients.companies.view': 'subtree' })
  })

  test('an own-scope holder cannot give the subtree, nor assign a subtree-scoped role', async ({
    assert,
  }) => {
    const manager = await staffWith('pos', [
      'cabinet.home.view',
      'clients.companies.view',
      'access.roles.manage',
      'access.users.manage',
    ])
    const wider = await manager.visitor.send('POST', '/cabinet/roles', {
      name: `Wider ${Date.now()}`,
      audience: 'staff',
      permissions: ['clients.companies.view'],
      subtree: ['clients.companies.view'],
    })
    assert.equal(wider.status, 422)
    assert.equal(
      wider.json<any>().errors[0].message,
      'نمی‌توانید دسترسی‌ای را که خودتان ندارید واگذار کنید.'
    )
    // An existing role with a subtree grant the manager holds only for its own tenant.
    const subtreeRole = await inTenant('pos', () =>
      Role.create({
        key: `network_${Date.now()}`,
        name: { en: 'Network', ru: 'Сеть', fa: 'شبکه' },
        audience: 'staff',
        permissions: ['clients.companies.view'],
        scopes: { 'clients.companies.view': 'subtree' },
      })
    )
    const colleague = await newUser('pos', 'staff')
    const assigned = await manager.visitor.send('POST', `/cabinet/people/${colleague.id}/roles`, {
      roleId: subtreeRole.id,
    })
    assert.equal(assigned.status, 422)
    const held = await inTenant('pos', () => db.from('user_roles').where('user_id', colleague.id))
    assert.lengthOf(held, 0)
    // A scope the manifest does not allow for the permission is refused too.
    const odd = await manager.visitor.send('POST', '/cabinet/roles', {
      name: `Odd ${Date.now()}`,
      audience: 'staff',
      permissions: ['cabinet.home.view'],
      subtree: ['cabinet.home.view'],
    })
    assert.equal(odd.status, 422)
  })
})
