import { test } from '@japa/runner'
import { inertiaPage } from '#tests/support/http'
import { signedIn } from '#tests/support/visitors'

type Route = { name: string; pattern: string; methods: string[] }
const routesOf = (page: { props: Record<string, any> }): Route[] =>
  (page.props.routes as Array<[string, string, string]>).map(([name, pattern, methods]) => ({
    name,
    pattern,
    methods: methods.split(','),
  }))

test.group('The route table for route(name, params) in the pages (issue #12 §4)', () => {
  test('the first page of a visit carries it once; an agent is not told the console’s routes', async ({
    assert,
  }) => {
    const admin = await signedIn('fuel', 'admin@fuel.test')
    const first = inertiaPage(await admin.get('/cabinet/clients'))
    const routes = routesOf(first)
    const show = routes.find((route) => route.name === 'cabinet.clients.show')
    assert.equal(show?.pattern, '/cabinet/clients/:id')
    assert.deepEqual(show?.methods, ['GET'])
    assert.isFalse(routes.some((route) => /^(console|bench)\./.test(route.name)))
    // A few kilobytes, once: not the router's whole description on every page.
    assert.isBelow(JSON.stringify(first.props.routes).length, 12_000)

    // The browser says it holds the table: the next page does not carry it again.
    const next = await admin.get('/cabinet/link-requests', {
      'x-inertia': 'true',
      'x-inertia-version': String((first as any).version),
      'x-inertia-except-once-props': 'routes',
    })
    assert.equal(next.status, 200)
    const page = JSON.parse(next.body)
    assert.equal(page.component, 'clients/link_requests/index')
    assert.notProperty(page.props, 'routes')
    assert.property(page.onceProps, 'routes')
  })

  test('the platform’s console gets its own routes', async ({ assert }) => {
    const owner = await signedIn('platform', 'owner@platform.test')
    const routes = routesOf(inertiaPage(await owner.get('/console')))
    assert.equal(
      routes.find((route) => route.name === 'console.tenants.show')?.pattern,
      '/console/tenants/:id'
    )
    assert.isFalse(routes.some((route) => route.name.startsWith('bench.')))
  })
})
