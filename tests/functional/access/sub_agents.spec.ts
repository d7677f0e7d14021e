import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { hostOf, inertiaPage, request, Visitor } from '#tests/support/http'
import { linkIn, smtpCapture } from '#tests/support/smtp_capture'

async function agentAdmin(slug: string) {
  const visitor = new Visitor(hostOf(slug))
  await visitor.signIn(`admin@${slug}.test`)
  return visitor
}

const unique = () => `s${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`

test.group('Sub-agents and packages, from the agent cabinet', () => {
  test('the agent sees its whole subtree and its own packages', async ({ assert }) => {
    const pos = await agentAdmin('pos')
    const { page } = await pos.page<any>('/cabinet/sub-agents')
    assert.equal(page.component, 'access/sub_agents/index')
    const slugs = page.props.subAgents.map((agent: any) => agent.slug)
    assert.includeMembers(slugs, ['pos-east', 'pos-east-kiosk'])
    assert.notInclude(slugs, 'pos')
    assert.notInclude(slugs, 'fuel')
    // It may only put what it holds itself into a package.
    const grantable = page.props.grantable.map((item: any) => item.key)
    assert.include(grantable, 'pos.terminals.manage')
    assert.notInclude(grantable, 'platform.tenants.manage')
    assert.notInclude(grantable, 'fuel.cards.manage')
  })

  test('an agent defines a package within itself and creates a sub-agent on it', async ({
    assert,
  }) => {
    const fuel = await agentAdmin('fuel')
    const name = `Cards only ${unique()}`
    const saved = await fuel.send('POST', '/cabinet/packages', {
      name,
      permissions: ['cabinet.home.view', 'fuel.cards.view'],
    })
    assert.equal(saved.status, 200)
    const packageId = saved.json<{ id: number }>().id

    const slug = unique()
    const created = await fuel.send('POST', '/cabinet/sub-agents', {
      slug,
      name: 'Card shop',
      packageId,
    })
    assert.equal(created.status, 200)
    const tenant = await db.from('tenants').where('slug', slug).firstOrFail()
    const parent = await db.from('tenants').where('slug', 'fuel').firstOrFail()
    assert.equal(tenant.parent_id, parent.id)
    assert.equal(tenant.package_id, packageId)
    assert.equal(tenant.kind, 'fuel_reseller')
    // Its site is up, in its parent's brand.
    const login = await request({ path: '/login', host: hostOf(slug) })
    assert.equal(login.status, 200)
    assert.equal(inertiaPage(login).props.brand.name, 'ТопливоКарт')
  })

  test("a new sub-agent's first administrator is invited from the sub-agent's own domain", async ({
    assert,
  }) => {
    const fuel = await agentAdmin('fuel')
    const saved = await fuel.send('POST', '/cabinet/packages', {
      name: `Shop admin ${unique()}`,
      permissions: ['cabinet.home.view', 'fuel.cards.view', 'access.users.manage'],
    })
    const slug = unique()
    const adminEmail = `first-${slug}@example.test`
    const created = await fuel.send('POST', '/cabinet/sub-agents', {
      slug,
      name: 'Card shop',
      packageId: saved.json<{ id: number }>().id,
      adminName: 'Первый Админ',
      adminEmail,
    })
    assert.equal(created.status, 200, created.body)
    const mail = await smtpCapture.waitFor(adminEmail)
    const link = linkIn(mail, '/invitations/')
    assert.equal(link.host, hostOf(slug))
    const password = 'первый администратор субагента'
    const admin = new Visitor(hostOf(slug))
    const accepted = await admin.send('POST', '/invitations/accept', {
      token: link.pathname.split('/').pop()!,
      email: adminEmail,
      fullName: 'Первый Админ',
      password,
      passwordConfirmation: password,
    })
    assert.equal(accepted.status, 200, accepted.body)
    // The administrator of the new tenant holds what its package allows, nothing more.
    assert.equal((await admin.send('GET', '/cabinet/people')).status, 200)
    assert.equal((await admin.send('GET', '/cabinet/clients')).status, 403)
  })

  test('escalation through packages and sub-agents is refused and changes nothing', async ({
    assert,
  }) => {
    const fuel = await agentAdmin('fuel')
    const before = await db.from('permission_packages').count('* as total')
    const beyond = await fuel.send('POST', '/cabinet/packages', {
      name: `Bigger ${unique()}`,
      permissions: ['cabinet.home.view', 'platform.tenants.manage'],
    })
    assert.equal(beyond.status, 422)
    assert.equal(
      beyond.json<any>().errors[0].message,
      'Пакет содержит права, недоступные этой организации.'
    )
    const unknown = await fuel.send('POST', '/cabinet/packages', {
      name: `Unknown ${unique()}`,
      permissions: ['fuel.rockets.launch'],
    })
    assert.equal(unknown.status, 422)
    assert.deepEqual(await db.from('permission_packages').count('* as total'), before)

    // A sub-agent on a package that is not ours (pos's own package, from the platform).
    const pos = await db.from('tenants').where('slug', 'pos').firstOrFail()
    const tenantsBefore = await db.from('tenants').count('* as total')
    const foreign = await fuel.send('POST', '/cabinet/sub-agents', {
      slug: unique(),
      name: 'Hijack',
      packageId: pos.package_id,
    })
    assert.equal(foreign.status, 422)
    assert.deepEqual(await db.from('tenants').count('* as total'), tenantsBefore)

    // Editing another tenant's package is a 404.
    const edit = await fuel.send('PUT', `/cabinet/packages/${pos.package_id}`, {
      name: 'Mine now',
      permissions: [],
    })
    assert.equal(edit.status, 404)
    const untouched = await db.from('permission_packages').where('id', pos.package_id).firstOrFail()
    assert.notEqual(untouched.name, 'Mine now')
  })

  test("a sub-agent's admin cannot reach its parent's packages or siblings", async ({ assert }) => {
    const east = await agentAdmin('pos-east')
    const { page } = await east.page<any>('/cabinet/sub-agents')
    const slugs = page.props.subAgents.map((agent: any) => agent.slug)
    assert.deepEqual(slugs, ['pos-east-kiosk'])
    const posPackages = await db
      .from('permission_packages')
      .where('owner_tenant_id', (await db.from('tenants').where('slug', 'pos').firstOrFail()).id)
    for (const pkg of posPackages) {
      const response = await east.send('PUT', `/cabinet/packages/${pkg.id}`, {
        name: 'Taken over',
        permissions: [],
      })
      assert.equal(response.status, 404)
    }
  })
})
