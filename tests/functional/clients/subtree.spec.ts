import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { hostOf, Visitor } from '#tests/support/http'
import { inTenant, newUser } from '#tests/support/people'
import { newBusiness } from '#tests/support/businesses'

const tenantOf = (slug: string) => db.from('tenants').where('slug', slug).firstOrFail()
const clientNames = (slug: string) =>
  inTenant(slug, () => db.from('clients').select('name')).then((rows) => rows.map((r) => r.name))

async function signedIn(slug: string, email: string) {
  const visitor = new Visitor(hostOf(slug))
  await visitor.signIn(email)
  return visitor
}

test.group('Subtree reads (issue #3 §6, §11)', () => {
  test("an agent with a subtree grant lists every client of its subtree, and nobody else's", async ({
    assert,
  }) => {
    const pos = await signedIn('pos', 'admin@pos.test')
    const own = (await pos.page<any>('/cabinet/clients')).page.props
    assert.equal(own.scope, 'own')
    assert.isTrue(own.can.subtree)
    assert.sameMembers(
      own.clients.map((row: any) => row.name),
      await clientNames('pos')
    )
    const all = (await pos.page<any>('/cabinet/clients?scope=subtree')).page.props
    assert.equal(all.scope, 'subtree')
    const names = all.clients.map((row: any) => row.name)
    for (const slug of ['pos', 'pos-east', 'pos-east-kiosk']) {
      assert.includeMembers(names, await clientNames(slug), slug)
    }
    for (const slug of ['rail', 'fuel', 'repair']) {
      for (const name of await clientNames(slug)) assert.notInclude(names, name, slug)
    }
    const kiosk = await tenantOf('pos-east-kiosk')
    const row = all.clients.find((client: any) => client.tenantId === Number(kiosk.id))
    assert.equal(row.tenant, kiosk.name)

    // A sub-agent sees below itself, never its parent.
    const east = await signedIn('pos-east', 'admin@pos-east.test')
    const eastNames = (
      await east.page<any>('/cabinet/clients?scope=subtree')
    ).page.props.clients.map((client: any) => client.name)
    assert.includeMembers(eastNames, await clientNames('pos-east-kiosk'))
    for (const name of await clientNames('pos')) assert.notInclude(eastNames, name)
  })

  test('an own-scope grant stays in its tenant even when asking for the subtree', async ({
    assert,
  }) => {
    const viewer = await newUser('pos', 'staff')
    await inTenant('pos', async () => {
      const [role] = await db
        .table('roles')
        .insert({
          tenant_id: (await tenantOf('pos')).id,
          key: `viewer_${Date.now()}`,
          name: JSON.stringify({ en: 'Viewer', ru: 'Просмотр', fa: 'ناظر' }),
          audience: 'staff',
          permissions: ['cabinet.home.view', 'clients.companies.view'],
        })
        .returning(['id', 'tenant_id'])
      await db
        .table('user_roles')
        .insert({ tenant_id: role.tenant_id, user_id: viewer.id, role_id: role.id })
    })
    const visitor = await signedIn('pos', viewer.email)
    const props = (await visitor.page<any>('/cabinet/clients?scope=subtree')).page.props
    assert.equal(props.scope, 'own')
    assert.isFalse(props.can.subtree)
    assert.sameMembers(
      props.clients.map((row: any) => row.name),
      await clientNames('pos')
    )
  })

  test('the subtree policy only reads: a write to a sub-agent row changes nothing', async ({
    assert,
  }) => {
    const pos = await tenantOf('pos')
    const east = await tenantOf('pos-east')
    const trx = await db.transaction()
    try {
      await trx.rawQuery(`select set_config('app.tenant_id', ?, true)`, [String(pos.id)])
      await trx.rawQuery(`select set_config('app.subtree_path', ?, true)`, [pos.path])
      const visible = await trx.from('clients').where('tenant_id', east.id)
      assert.isNotEmpty(visible)
      const updated = await trx
        .from('clients')
        .where('tenant_id', east.id)
        .update({ name: 'Hijacked' })
      assert.equal(Number(updated), 0)
      const deleted = await trx.from('clients').where('tenant_id', east.id).delete()
      assert.equal(Number(deleted), 0)
      await assert.rejects(() =>
        trx.table('clients').insert({ tenant_id: east.id, type: 'ir_person', name: 'Planted' })
      )
    } finally {
      await trx.rollback()
    }
    // Without the subtree setting nothing of the sub-agent is even visible.
    const plain = await db.transaction()
    try {
      await plain.rawQuery(`select set_config('app.tenant_id', ?, true)`, [String(pos.id)])
      assert.lengthOf(await plain.from('clients').where('tenant_id', east.id), 0)
    } finally {
      await plain.rollback()
    }
  })

  test('an agent lists its network’s people and can disable one below it, never above', async ({
    assert,
  }) => {
    const pos = await signedIn('pos', 'admin@pos.test')
    const props = (await pos.page<any>('/cabinet/people?scope=subtree')).page.props
    assert.equal(props.scope, 'subtree')
    const emails = props.network.map((row: any) => row.email)
    assert.includeMembers(emails, ['client@pos-east.test', 'admin@pos-east-kiosk.test'])
    assert.notInclude(emails, 'admin@rail.test')
    const eastTenant = await tenantOf('pos-east')
    const operator = await newUser('pos-east', 'staff', { roles: ['operator'] })
    const sessionBefore = new Visitor(hostOf('pos-east'))
    await sessionBefore.signIn(operator.email)
    // Without naming its business the id is looked for in pos itself: not found.
    const unnamed = await pos.send('PUT', `/cabinet/people/${operator.id}/status`, {
      status: 'disabled',
    })
    assert.equal(unnamed.status, 404)
    const disabled = await pos.send('PUT', `/cabinet/people/${operator.id}/status`, {
      status: 'disabled',
      tenantId: Number(eastTenant.id),
    })
    assert.equal(disabled.status, 200, disabled.body)
    assert.equal((await sessionBefore.get('/account', { accept: 'application/json' })).status, 401)
    // The sub-agent's admin cannot reach up to its parent's people.
    const below = await signedIn('pos-east', 'admin@pos-east.test')
    const posPerson = await newUser('pos', 'staff', { roles: ['operator'] })
    const upward = await below.send('PUT', `/cabinet/people/${posPerson.id}/status`, {
      status: 'disabled',
      tenantId: Number((await tenantOf('pos')).id),
    })
    assert.equal(upward.status, 404)
    const row = await inTenant('pos', () => db.from('users').where('id', posPerson.id).first())
    assert.equal(row.status, 'active')
  })

  test("the agent's audit view can include its sub-agents, marked by business", async ({
    assert,
  }) => {
    // Something happens in the sub-agent.
    const east = await signedIn('pos-east', 'client@pos-east.test')
    await east.get('/portal/profile')
    const pos = await signedIn('pos', 'admin@pos.test')
    const own = (await pos.page<any>('/cabinet/audit')).page.props
    const eastTenant = await tenantOf('pos-east')
    assert.isFalse(own.rows.some((row: any) => row.tenantId === Number(eastTenant.id)))
    const all = (await pos.page<any>('/cabinet/audit?scope=subtree&action=auth.sign_in')).page.props
    assert.equal(all.scope, 'subtree')
    const eastRow = all.rows.find((row: any) => row.tenantId === Number(eastTenant.id))
    assert.isDefined(eastRow)
    assert.equal(eastRow.tenant, eastTenant.name)
    assert.include(eastRow.actor, 'client@pos-east.test')
  })

  test('paging through a subtree gives every client once, business by business, in key order', async ({
    assert,
  }) => {
    const agent = await newBusiness({ kind: 'pos_agent' })
    const subs = [
      await newBusiness({ kind: 'pos_agent', parentSlug: agent.slug }),
      await newBusiness({ kind: 'pos_agent', parentSlug: agent.slug }),
      await newBusiness({ kind: 'pos_agent', parentSlug: agent.slug }),
    ]
    // 37 + 0 + 61 + 45: pages end inside businesses and one business has none.
    const counts = [37, 0, 61, 45]
    const expected: Array<[number, number]> = []
    for (const [index, business] of [agent, ...subs].entries()) {
      const ids = await inTenant(business.slug, async () => {
        if (counts[index] > 0) {
          await db.rawQuery(
            `insert into clients (tenant_id, type, name)
             select ?, 'ir_person', 'page ' || n from generate_series(1, ?) n`,
            [business.id, counts[index]]
          )
        }
        return db.from('clients').where('tenant_id', business.id).orderBy('id').select('id')
      })
      for (const { id } of ids) expected.push([business.id, Number(id)])
    }
    expected.sort((a, b) => a[0] - b[0] || a[1] - b[1])

    const seen: Array<[number, number]> = []
    let next: string | null = null
    let pages = 0
    do {
      const path: string = `/cabinet/clients?scope=subtree${next ? `&after=${encodeURIComponent(next)}` : ''}`
      const props: any = (await agent.admin.page<any>(path)).page.props
      for (const row of props.clients) seen.push([row.tenantId, row.id])
      next = props.next
      pages++
    } while (next && pages < 10)
    assert.equal(pages, 3)
    assert.deepEqual(seen, expected)
  }).timeout(60_000)
})
