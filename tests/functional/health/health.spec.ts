import { test } from '@japa/runner'
import { hostOf, request, TEST_PORT } from '#tests/support/http'

test.group('Health and TLS ask', () => {
  test('live and ready answer on any host and name no tenant', async ({ assert }) => {
    for (const host of [`nobody.localhost:${TEST_PORT}`, hostOf('fuel'), '']) {
      const live = await request({ path: '/health/live', host })
      assert.equal(live.status, 200)
      const ready = await request({ path: '/health/ready', host })
      assert.equal(ready.status, 200)
      // Redis is checked only when configured (CI's external pass sets REDIS_URL).
      const checks = process.env.REDIS_URL ? { database: 'ok', redis: 'ok' } : { database: 'ok' }
      assert.deepEqual(ready.json(), { status: 'ok', checks })
    }
  })

  test('/_tls/ask answers 200 only for active domains', async ({ assert }) => {
    const ask = (domain: string) =>
      request({ path: `/_tls/ask?domain=${encodeURIComponent(domain)}`, host: '' })
    assert.equal((await ask('fuel.localhost')).status, 200)
    assert.equal((await ask('FUEL.localhost.')).status, 200)
    assert.equal((await ask('nobody.localhost')).status, 404)
    assert.equal((await ask('127.0.0.1')).status, 404)
    assert.equal((await ask('')).status, 404)
  })
})
