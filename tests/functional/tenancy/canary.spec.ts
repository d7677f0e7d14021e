import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { runInTenant } from '#app/core/database/tenant_context'
import { hostOf, request } from '#tests/support/http'

const SLUGS = ['fuel', 'rail', 'repair']

/*
 * Three tenants, a unique canary each, 2,000+ interleaved requests over a pool of 2 (the
 * suite runs with DB_POOL_MAX=2): no response may ever carry another tenant's canary.
 * The probe route reads without any tenant filter, so this exercises the database wall.
 */
test.group('Isolation canary', (group) => {
  const canaries = new Map<string, string>()

  group.setup(async () => {
    for (const slug of SLUGS) {
      const tenant = await db.from('tenants').where('slug', slug).firstOrFail()
      const canary = `canary-${slug}-${Math.random().toString(36).slice(2)}`
      canaries.set(slug, canary)
      await runInTenant(db, Number(tenant.id), async () => {
        await db.table('dictionary_entries').insert({
          tenant_id: tenant.id,
          dictionary: 'canary',
          code: canary,
          label: JSON.stringify({ en: canary, ru: canary, fa: canary }),
        })
      })
    }
  })

  test('2,100 interleaved requests on a pool of 2 see only their own canary', async ({
    assert,
  }) => {
    const total = 2100
    const concurrency = 24
    let next = 0
    let foreign = 0
    let missing = 0
    const worker = async () => {
      while (next < total) {
        const slug = SLUGS[next++ % SLUGS.length]
        const result = await request({ path: '/_test/canaries', host: hostOf(slug) })
        const seen = result.json<string[]>()
        if (!seen.includes(canaries.get(slug)!)) missing++
        foreign += seen.filter((code) => code !== canaries.get(slug)).length
      }
    }
    await Promise.all(Array.from({ length: concurrency }, worker))
    assert.equal(foreign, 0)
    assert.equal(missing, 0)
  }).timeout(180000)

  test('without a tenant scope the runtime role sees no tenant rows at all', async ({ assert }) => {
    const rows = await db.connection('app').from('dictionary_entries').select('id')
    assert.lengthOf(rows, 0)
    const users = await db.connection('app').from('users').select('id')
    assert.lengthOf(users, 0)
  })
})
