import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import emitter from '@adonisjs/core/services/emitter'
import db from '@adonisjs/lucid/services/db'
import { hostOf, request, TEST_PORT } from '#tests/support/http'

const NEUTRAL_HOSTS = [
  `nobody.localhost:${TEST_PORT}`,
  `127.0.0.1:${TEST_PORT}`,
  '',
  `[::1]:${TEST_PORT}`,
  'localhost.evil.test',
]

test.group('Tenant resolution', () => {
  test('each demo tenant is served on its own host with its own brand', async ({ assert }) => {
    const fuel = await request({ path: '/login', host: hostOf('fuel') })
    assert.equal(fuel.status, 200)
    assert.include(fuel.body, 'ТопливоКарт')
    assert.include(fuel.body, '--brand-primary: #c2410c')
    assert.include(fuel.body, 'lang="ru"')

    const pos = await request({ path: '/login', host: hostOf('pos') })
    assert.include(pos.body, 'dir="rtl"')
    assert.include(pos.body, 'lang="fa"')
    assert.notInclude(pos.body, 'ТопливоКарт')
  })

  test('unknown hosts, IP literals and an empty Host get the neutral 404', async ({ assert }) => {
    for (const host of NEUTRAL_HOSTS) {
      const result = await request({ path: '/login', host })
      assert.equal(result.status, 404, `host "${host}"`)
      assert.notMatch(result.body, /Kabinet|ТопливоКарт|platform|FixPoint/i)
    }
  })

  test('host is normalised: case, port and trailing dot', async ({ assert }) => {
    for (const host of ['FUEL.LOCALHOST', `fuel.localhost.:${TEST_PORT}`, 'Fuel.Localhost:1']) {
      const result = await request({ path: '/api/v1/brand', host })
      assert.equal(result.status, 200, host)
      assert.equal(result.json<{ name: string }>().name, 'ТопливоКарт')
    }
  })

  test('X-Forwarded-Host is ignored from a peer that is not a trusted proxy', async ({
    assert,
  }) => {
    const result = await request({
      path: '/api/v1/brand',
      host: `nobody.localhost:${TEST_PORT}`,
      headers: { 'x-forwarded-host': 'fuel.localhost' },
    })
    assert.equal(result.status, 404)
  })

  test('no database query per request once the registry is warm', async ({ assert }) => {
    await request({ path: '/api/v1/brand', host: hostOf('rail') })
    let queries = 0
    const count = () => queries++
    emitter.on('db:query', count)
    try {
      for (const slug of ['rail', 'fuel', 'pos', 'repair', 'nobody']) {
        await request({ path: '/api/v1/brand', host: hostOf(slug) })
        await request({ path: '/login', host: hostOf(slug) })
      }
    } finally {
      emitter.off('db:query', count)
    }
    assert.equal(queries, 0)
  })

  test('a disabled tenant serves the neutral page, and so does its subtree', async ({ assert }) => {
    const registry = await app.container.make('tenancy.registry')
    await db
      .connection('owner')
      .from('tenants')
      .where('slug', 'pos-east')
      .update({ status: 'disabled' })
    await registry.invalidate()
    try {
      for (const slug of ['pos-east', 'pos-east-kiosk']) {
        const result = await request({ path: '/login', host: hostOf(slug) })
        assert.equal(result.status, 404, slug)
      }
      assert.equal((await request({ path: '/login', host: hostOf('pos') })).status, 200)
    } finally {
      await db
        .connection('owner')
        .from('tenants')
        .where('slug', 'pos-east')
        .update({ status: 'active' })
      await registry.invalidate()
    }
    assert.equal((await request({ path: '/login', host: hostOf('pos-east-kiosk') })).status, 200)
  })
})
