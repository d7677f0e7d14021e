import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { inTenant } from '#tests/support/people'
import { signedIn } from '#tests/support/visitors'

const tenantId = (slug: string) =>
  db
    .from('tenants')
    .where('slug', slug)
    .firstOrFail()
    .then((row) => Number(row.id))
const resolved = async (slug: string) =>
  (await (await app.container.make('tenancy.registry')).tenant(await tenantId(slug)))!

test.group('Modules per tenant (issue #4 §1)', () => {
  test('an agent switches a module off for its sub-agent: gone from its whole subtree at once, and back', async ({
    assert,
  }) => {
    const pos = await signedIn('pos', 'admin@pos.test')
    const east = await tenantId('pos-east')
    assert.isTrue((await resolved('pos-east-kiosk')).modules.has('tickets'))
    try {
      const off = await pos.send('PUT', `/cabinet/sub-agents/${east}/modules`, {
        module: 'tickets',
        enabled: false,
      })
      assert.equal(off.status, 200, off.body)
      for (const slug of ['pos-east', 'pos-east-kiosk']) {
        const tenant = await resolved(slug)
        assert.isFalse(tenant.modules.has('tickets'), slug)
        // Its permissions are held by nobody there, whatever the roles say.
        assert.isFalse(
          [...tenant.access.ceiling].some((key) => key.startsWith('tickets.')),
          slug
        )
      }
      assert.isTrue((await resolved('pos')).modules.has('tickets'))
      // The module's routes are gone there (the neutral 404), and still answer in pos.
      const eastAdmin = await signedIn('pos-east', 'admin@pos-east.test')
      const probe = await eastAdmin.send('GET', '/_test/tickets')
      assert.equal(probe.status, 404)
      assert.equal((await pos.send('GET', '/_test/tickets')).status, 200)
      const audit = await inTenant('pos', () =>
        db
          .from('audit_log')
          .where('action', 'platform.module_disabled')
          .orderBy('id', 'desc')
          .first()
      )
      assert.deepEqual(audit.after, { module: 'tickets', enabled: false })
    } finally {
      const on = await pos.send('PUT', `/cabinet/sub-agents/${east}/modules`, {
        module: 'tickets',
        enabled: true,
      })
      assert.equal(on.status, 200)
    }
    assert.isTrue((await resolved('pos-east-kiosk')).modules.has('tickets'))
    assert.isTrue(
      [...(await resolved('pos-east')).access.ceiling].some((key) => key.startsWith('tickets.'))
    )
  })

  test('refused: a module the parent lacks, a dependency still in use, a platform module, one’s own tenant', async ({
    assert,
  }) => {
    const pos = await signedIn('pos', 'admin@pos.test')
    const east = await tenantId('pos-east')
    const lacking = await pos.send('PUT', `/cabinet/sub-agents/${east}/modules`, {
      module: 'fuel',
      enabled: true,
    })
    assert.equal(lacking.status, 422)
    const core = await pos.send('PUT', `/cabinet/sub-agents/${east}/modules`, {
      module: 'access',
      enabled: false,
    })
    assert.equal(core.status, 422)
    const own = await pos.send('PUT', `/cabinet/sub-agents/${await tenantId('pos')}/modules`, {
      module: 'tickets',
      enabled: false,
    })
    assert.equal(own.status, 404)
    // Fuel needs billing: billing cannot go while fuel is on (from the console).
    const owner = await signedIn('platform', 'owner@platform.test')
    const needed = await owner.send('PUT', `/console/tenants/${await tenantId('fuel')}/modules`, {
      module: 'billing',
      enabled: false,
    })
    assert.equal(needed.status, 422)
    assert.include(needed.json<any>().errors[0].message, 'fuel')
    assert.isTrue((await resolved('fuel')).modules.has('billing'))
    const { page } = await owner.page<any>(`/console/tenants/${await tenantId('pos-east')}`)
    const tickets = page.props.modules.find((row: any) => row.key === 'tickets')
    assert.deepInclude(tickets, { enabled: true, available: true })
    const fuel = page.props.modules.find((row: any) => row.key === 'fuel')
    assert.deepInclude(fuel, { enabled: false, available: false })
  })
})
