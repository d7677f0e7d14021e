import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { hostOf, multipart, request, TEST_PORT, Visitor } from '#tests/support/http'
import { dnsStub } from '#tests/support/dns_stub'
import { tenantIdOf } from '#tests/support/visitors'

const PLATFORM_HOST = `localhost:${TEST_PORT}`
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 1),
])
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')

async function owner() {
  const visitor = new Visitor(PLATFORM_HOST)
  await visitor.signIn('owner@platform.test')
  return visitor
}

const tenantCount = async () => Number((await db.from('tenants').count('* as total'))[0].total)

let sequence = 0
/** A fresh sub-agent of `parent` for one test, so tests never disturb the demo tenants. */
async function createTenant(visitor: Visitor, parent = 'fuel') {
  const slug = `t${Date.now().toString(36)}${sequence++}`
  const response = await visitor.send('POST', '/console/tenants', {
    parentId: await tenantIdOf(parent),
    kind: 'fuel_reseller',
    slug,
    name: `Tenant ${slug}`,
  })
  if (response.status !== 200) throw new Error(`create failed: ${response.status} ${response.body}`)
  return { slug, id: response.json<{ id: number }>().id }
}

test.group('Platform console', () => {
  test('the owner sees the whole tenant tree, in tree order', async ({ assert }) => {
    const visitor = await owner()
    const { page } = await visitor.page<{ tree: Array<{ slug: string; depth: number }> }>(
      '/console'
    )
    assert.equal(page.component, 'platform/tenants/index')
    const slugs = page.props.tree.map((node) => node.slug)
    for (const slug of [
      'platform',
      'fuel',
      'rail',
      'pos',
      'pos-east',
      'pos-east-kiosk',
      'repair',
    ]) {
      assert.include(slugs, slug)
    }
    // Children follow their parent (ltree order).
    assert.isAbove(slugs.indexOf('pos-east-kiosk'), slugs.indexOf('pos-east'))
    assert.isAbove(slugs.indexOf('pos-east'), slugs.indexOf('pos'))
  })

  test('creating a tenant provisions its subdomain, preset and inherited brand', async ({
    assert,
  }) => {
    const visitor = await owner()
    const { slug, id } = await createTenant(visitor, 'fuel')
    const login = await request({ path: '/login', host: hostOf(slug) })
    assert.equal(login.status, 200)
    // A sub-agent of the fuel reseller inherits its brand: colour and name.
    const brand = (await request({ path: '/api/v1/brand', host: hostOf(slug) })).json<{
      primaryColor: string
      name: string
    }>()
    assert.equal(brand.primaryColor, '#c2410c')
    const roles = await db.from('tenants').where('id', id).select('depth', 'path').firstOrFail()
    assert.equal(roles.depth, 2)
    assert.match(roles.path, /^t\d+\.t\d+\.t\d+$/)
  })

  test('a taken or malformed subdomain is refused with a translated error; nothing is created', async ({
    assert,
  }) => {
    const visitor = await owner()
    const before = await tenantCount()
    const taken = await visitor.send('POST', '/console/tenants', {
      parentId: await tenantIdOf('platform'),
      kind: 'logistics',
      slug: 'fuel',
      name: 'Another fuel',
    })
    assert.equal(taken.status, 422)
    assert.equal(taken.json<any>().errors[0].field, 'slug')
    assert.equal(taken.json<any>().errors[0].message, 'This subdomain is already taken.')

    visitor.cookies.set('locale', 'ru')
    const malformed = await visitor.send('POST', '/console/tenants', {
      parentId: await tenantIdOf('platform'),
      kind: 'logistics',
      slug: 'Not A Slug!',
      name: 'X',
    })
    assert.equal(malformed.status, 422)
    const messages = malformed.json<any>().errors.map((error: any) => error.message)
    assert.include(messages, 'Поле «Поддомен» заполнено в неверном формате.')
    assert.include(messages, 'Поле «Название» должно содержать не меньше 2 символов.')
    assert.equal(await tenantCount(), before)
  })

  test('the brand editor changes the tenant brand everywhere at once', async ({ assert }) => {
    const visitor = await owner()
    const { slug, id } = await createTenant(visitor)
    const saved = await visitor.send('PUT', `/console/tenants/${id}/brand`, {
      name: 'Северная заправка',
      primaryColor: '#123456',
      radius: '12px',
      legalFooter: '© Север',
    })
    assert.equal(saved.status, 200)
    const brand = (await request({ path: '/api/v1/brand', host: hostOf(slug) })).json<any>()
    assert.equal(brand.name, 'Северная заправка')
    assert.equal(brand.primaryColor, '#123456')
    assert.equal(brand.radius, '12px')
    // The server-rendered page carries the new colour before any script runs.
    const html = (await request({ path: '/login', host: hostOf(slug) })).body
    assert.include(html, '--brand-primary: #123456')

    // Clearing a field inherits the parent's value again.
    await visitor.send('PUT', `/console/tenants/${id}/brand`, { name: 'Северная заправка' })
    const after = (await request({ path: '/api/v1/brand', host: hostOf(slug) })).json<any>()
    assert.equal(after.primaryColor, '#c2410c')
  })

  test('bad brand values are refused and change nothing', async ({ assert }) => {
    const visitor = await owner()
    const { slug, id } = await createTenant(visitor)
    const response = await visitor.send('PUT', `/console/tenants/${id}/brand`, {
      primaryColor: 'red;} body{display:none',
      supportEmail: 'not-an-email',
      radius: '100vw',
    })
    assert.equal(response.status, 422)
    const fields = response.json<any>().errors.map((error: any) => error.field)
    assert.includeMembers(fields, ['primaryColor', 'supportEmail', 'radius'])
    const brand = (await request({ path: '/api/v1/brand', host: hostOf(slug) })).json<any>()
    assert.equal(brand.primaryColor, '#c2410c')
  })

  test('logo uploads are checked by content and size, and stored under the tenant', async ({
    assert,
  }) => {
    const visitor = await owner()
    const { slug, id } = await createTenant(visitor)
    const svg = await visitor.send(
      'POST',
      `/console/tenants/${id}/assets/logo-light`,
      multipart('file', 'logo.png', SVG)
    )
    assert.equal(svg.status, 422)
    assert.equal(svg.json<any>().errors[0].message, 'Upload a PNG, JPEG, WebP or ICO image.')

    const huge = await visitor.send(
      'POST',
      `/console/tenants/${id}/assets/logo-light`,
      multipart('file', 'logo.png', Buffer.concat([PNG, Buffer.alloc(600 * 1024)]))
    )
    assert.equal(huge.status, 422)
    assert.equal(huge.json<any>().errors[0].message, 'The file is larger than 512 KB.')

    const ok = await visitor.send(
      'POST',
      `/console/tenants/${id}/assets/logo-light`,
      multipart('file', 'whatever.svg', PNG)
    )
    assert.equal(ok.status, 200)
    const brand = (await request({ path: '/api/v1/brand', host: hostOf(slug) })).json<any>()
    const logo = await request({ path: brand.logoLightUrl, host: hostOf(slug) })
    assert.equal(logo.status, 200)
    assert.equal(logo.headers['content-type'], 'image/png')
    assert.equal(logo.headers['x-content-type-options'], 'nosniff')
    const stored = await db.from('tenants').where('id', id).select('brand').firstOrFail()
    assert.match(stored.brand.logoLight, /^[0-9a-f-]{36}\.png$/)
  })

  test('disabling a tenant shows the neutral page on its and its subtree hosts; enabling restores', async ({
    assert,
  }) => {
    const visitor = await owner()
    const parent = await createTenant(visitor)
    const child = await createTenant(visitor, parent.slug)
    const off = await visitor.send('PUT', `/console/tenants/${parent.id}/status`, {
      status: 'disabled',
    })
    assert.equal(off.status, 200)
    for (const slug of [parent.slug, child.slug]) {
      const page = await request({ path: '/login', host: hostOf(slug) })
      assert.equal(page.status, 404)
      assert.notInclude(page.body, 'Tenant')
    }
    await visitor.send('PUT', `/console/tenants/${parent.id}/status`, { status: 'active' })
    assert.equal((await request({ path: '/login', host: hostOf(child.slug) })).status, 200)
  })

  test('the platform itself cannot be disabled', async ({ assert }) => {
    const visitor = await owner()
    const response = await visitor.send(
      'PUT',
      `/console/tenants/${await tenantIdOf('platform')}/status`,
      { status: 'disabled' }
    )
    assert.equal(response.status, 422)
    assert.equal((await request({ path: '/health/live', host: PLATFORM_HOST })).status, 200)
    assert.equal((await visitor.get('/console')).status, 200)
  })

  test('custom domain: add, verify by DNS TXT, make primary, disable', async ({ assert }) => {
    const visitor = await owner()
    const { slug, id } = await createTenant(visitor)
    const hostname = `portal-${slug}.example.test`
    const ask = () => request({ path: `/_tls/ask?domain=${hostname}`, host: '' })

    const added = await visitor.send('POST', `/console/tenants/${id}/domains`, {
      hostname: `  Portal-${slug}.EXAMPLE.test. `,
    })
    assert.equal(added.status, 200)
    const domainId = added.json<{ domainId: number }>().domainId
    const row = await db.from('domains').where('id', domainId).firstOrFail()
    assert.equal(row.hostname, hostname)
    assert.equal(row.status, 'pending')
    assert.match(row.verification_token, /^[0-9a-f]{32}$/)
    assert.equal((await ask()).status, 404)
    assert.equal((await request({ path: '/login', host: hostname })).status, 404)

    // No TXT record yet: refused, still pending.
    const early = await visitor.send('POST', `/console/tenants/${id}/domains/${domainId}/verify`)
    assert.equal(early.status, 422)
    assert.equal(early.json<any>().errors[0].message, 'The DNS TXT record was not found yet.')

    // A record with the wrong token does not count either.
    dnsStub.records.set(`_kabinet-verify.${hostname}`, ['kabinet-verify=0000'])
    assert.equal(
      (await visitor.send('POST', `/console/tenants/${id}/domains/${domainId}/verify`)).status,
      422
    )

    dnsStub.records.set(`_kabinet-verify.${hostname}`, [`kabinet-verify=${row.verification_token}`])
    const verified = await visitor.send('POST', `/console/tenants/${id}/domains/${domainId}/verify`)
    assert.equal(verified.status, 200)
    assert.equal((await ask()).status, 200)
    const login = await request({ path: '/login', host: hostname })
    assert.equal(login.status, 200)

    // The primary domain cannot be disabled; another becomes primary first.
    const primary = await visitor.send('PUT', `/console/tenants/${id}/domains/${domainId}/primary`)
    assert.equal(primary.status, 200)
    const primaries = await db.from('domains').where('tenant_id', id).where('is_primary', true)
    assert.deepEqual(
      primaries.map((domain) => domain.hostname),
      [hostname]
    )
    // Making the primary domain primary again keeps it (the route fuzz found it left none).
    const again = await visitor.send('PUT', `/console/tenants/${id}/domains/${domainId}/primary`)
    assert.equal(again.status, 200)
    const stillPrimary = await db.from('domains').where('tenant_id', id).where('is_primary', true)
    assert.deepEqual(
      stillPrimary.map((domain) => domain.hostname),
      [hostname]
    )
    const refused = await visitor.send('PUT', `/console/tenants/${id}/domains/${domainId}/status`, {
      status: 'disabled',
    })
    assert.equal(refused.status, 422)

    const subdomain = await db
      .from('domains')
      .where('tenant_id', id)
      .where('kind', 'platform')
      .firstOrFail()
    await visitor.send('PUT', `/console/tenants/${id}/domains/${subdomain.id}/primary`)
    const disabled = await visitor.send(
      'PUT',
      `/console/tenants/${id}/domains/${domainId}/status`,
      { status: 'disabled' }
    )
    assert.equal(disabled.status, 200)
    assert.equal((await ask()).status, 404)
    assert.equal((await request({ path: '/login', host: hostname })).status, 404)
    assert.equal((await request({ path: '/login', host: hostOf(slug) })).status, 200)
  })

  test('hostnames are unique platform-wide, valid, and not under the platform domain', async ({
    assert,
  }) => {
    const visitor = await owner()
    const first = await createTenant(visitor)
    const second = await createTenant(visitor)
    const hostname = `shared-${first.slug}.example.test`
    assert.equal(
      (await visitor.send('POST', `/console/tenants/${first.id}/domains`, { hostname })).status,
      200
    )
    const cases: Array<[string, string]> = [
      [hostname, 'This hostname is already in use.'],
      ['not a host', 'Enter a valid hostname, like portal.example.com.'],
      ['127.0.0.1', 'Enter a valid hostname, like portal.example.com.'],
      [`x.localhost`, 'Names under the platform domain are reserved for tenant subdomains.'],
    ]
    for (const [input, message] of cases) {
      const response = await visitor.send('POST', `/console/tenants/${second.id}/domains`, {
        hostname: input,
      })
      assert.equal(response.status, 422, input)
      assert.equal(response.json<any>().errors[0].message, message)
    }
    const count = await db.from('domains').where('tenant_id', second.id).count('* as total')
    assert.equal(Number(count[0].total), 1)
  })
})

test.group('Platform console: access', () => {
  const writes = async (visitor: Visitor, id: number, domainId: number) => [
    await visitor.send('POST', '/console/tenants', {
      parentId: id,
      kind: 'logistics',
      slug: `denied${Date.now()}`,
      name: 'Denied',
    }),
    await visitor.send('PUT', `/console/tenants/${id}/status`, { status: 'disabled' }),
    await visitor.send('PUT', `/console/tenants/${id}/brand`, { name: 'Hijacked' }),
    await visitor.send(
      'POST',
      `/console/tenants/${id}/assets/logo-light`,
      multipart('file', 'a.png', PNG)
    ),
    await visitor.send('DELETE', `/console/tenants/${id}/assets/logo-light`),
    await visitor.send('POST', `/console/tenants/${id}/domains`, { hostname: 'x.example.test' }),
    await visitor.send('POST', `/console/tenants/${id}/domains/${domainId}/verify`),
    await visitor.send('PUT', `/console/tenants/${id}/domains/${domainId}/primary`),
    await visitor.send('PUT', `/console/tenants/${id}/domains/${domainId}/status`, {
      status: 'disabled',
    }),
  ]

  test('a read-only console user may look but every change is 403 and changes nothing', async ({
    assert,
  }) => {
    const viewer = new Visitor(PLATFORM_HOST)
    await viewer.signIn('viewer@platform.test')
    assert.equal((await viewer.get('/console')).status, 200)
    const fuelId = await tenantIdOf('fuel')
    assert.equal((await viewer.get(`/console/tenants/${fuelId}`)).status, 200)
    const domain = await db.from('domains').where('tenant_id', fuelId).firstOrFail()
    const before = await db.from('tenants').where('id', fuelId).firstOrFail()
    const tenantsBefore = await tenantCount()
    for (const response of await writes(viewer, fuelId, domain.id)) {
      assert.equal(response.status, 403)
    }
    const after = await db.from('tenants').where('id', fuelId).firstOrFail()
    assert.deepEqual(after.brand, before.brand)
    assert.equal(after.status, 'active')
    assert.equal(await tenantCount(), tenantsBefore)
  })

  test("a tenant's staff get a 404 for the console on their own domain", async ({ assert }) => {
    const fuel = new Visitor(hostOf('fuel'))
    await fuel.signIn('admin@fuel.test')
    const fuelId = await tenantIdOf('fuel')
    assert.equal((await fuel.get('/console')).status, 404)
    assert.equal((await fuel.get(`/console/tenants/${fuelId}`)).status, 404)
    const domain = await db.from('domains').where('tenant_id', fuelId).firstOrFail()
    for (const response of await writes(fuel, fuelId, domain.id)) {
      assert.equal(response.status, 404)
    }
    const after = await db.from('tenants').where('id', fuelId).firstOrFail()
    assert.equal(after.status, 'active')
  })

  test('unknown tenants and domains of another tenant are 404', async ({ assert }) => {
    const visitor = await owner()
    assert.equal((await visitor.get('/console/tenants/999999')).status, 404)
    assert.equal((await visitor.get('/console/tenants/abc')).status, 404)
    const fuelDomain = await db
      .from('domains')
      .where('tenant_id', await tenantIdOf('fuel'))
      .firstOrFail()
    const railId = await tenantIdOf('rail')
    const crossed = await visitor.send(
      'PUT',
      `/console/tenants/${railId}/domains/${fuelDomain.id}/status`,
      { status: 'disabled' }
    )
    assert.equal(crossed.status, 404)
    const still = await db.from('domains').where('id', fuelDomain.id).firstOrFail()
    assert.equal(still.status, 'active')
  })

  test('signed-out visitors are sent to sign in', async ({ assert }) => {
    const response = await request({ path: '/console', host: PLATFORM_HOST })
    assert.equal(response.status, 302)
    assert.equal(response.headers.location, '/login')
  })
})

test.group('Platform console: permission catalog', () => {
  test('lists every module permission with its labels and scopes', async ({ assert }) => {
    const visitor = new Visitor(`localhost:${TEST_PORT}`)
    await visitor.signIn('viewer@platform.test')
    const { page } = await visitor.page<{
      modules: Array<{ key: string; permissions: Array<{ key: string; scopes: string[] }> }>
    }>('/console/permissions')
    assert.equal(page.component, 'platform/permissions/index')
    const keys = page.props.modules.flatMap((module) => module.permissions.map((p) => p.key))
    assert.includeMembers(keys, [
      'platform.tenants.manage',
      'access.roles.manage',
      'fuel.cards.view',
    ])
    const fuel = page.props.modules.find((module) => module.key === 'fuel')!
    assert.deepEqual(fuel.permissions[0].scopes, ['own', 'subtree', 'companies'])
  })
})
