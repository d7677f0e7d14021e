import { test } from '@japa/runner'
import argon2 from 'argon2'
import db from '@adonisjs/lucid/services/db'
import limiter from '@adonisjs/limiter/services/main'
import { runInTenant } from '#app/core/database/tenant_context'
import { DemoSeedRefused, seedDemo } from '#app/platform/demo/seed_demo'
import { hostOf, Visitor } from '#tests/support/http'
import { tenantIdOf } from '#tests/support/visitors'

async function storedHash(slug: string, email: string) {
  return runInTenant(db, await tenantIdOf(slug), async () => {
    const row = await db.from('users').where('email', email).select('password').firstOrFail()
    return row.password as string
  })
}

test.group('Sign-in security', (group) => {
  group.each.setup(() => limiter.clear())
  group.each.teardown(() => limiter.clear())

  test('passwords are argon2id at the OWASP minimum (19 MiB, t=2, p=1)', async ({ assert }) => {
    const stored = await storedHash('fuel', 'admin@fuel.test')
    assert.match(stored, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
  })

  test('a hash made with weaker parameters is upgraded on the next sign-in', async ({ assert }) => {
    const weak = await argon2.hash('kabinet-demo', {
      type: argon2.argon2i,
      memoryCost: 4096,
      timeCost: 1,
      parallelism: 1,
    })
    await runInTenant(db, await tenantIdOf('repair'), () =>
      db.from('users').where('email', 'client@repair.test').update({ password: weak })
    )
    const visitor = new Visitor(hostOf('repair'))
    const result = await visitor.signIn('client@repair.test')
    assert.equal(result.headers.location, '/')
    assert.match(
      await storedHash('repair', 'client@repair.test'),
      /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/
    )
  })

  test('one address is throttled across accounts after 30 failures, before any hashing', async ({
    assert,
  }) => {
    for (let attempt = 0; attempt < 30; attempt++) {
      const visitor = new Visitor(hostOf('rail'))
      await visitor.post(
        '/login',
        { email: `nobody${attempt}@rail.test`, password: 'x' },
        { accept: 'application/json' }
      )
    }
    // A different account with the right password is refused from the same address.
    const visitor = new Visitor(hostOf('rail'))
    const throttled = await visitor.post(
      '/login',
      { email: 'admin@rail.test', password: 'kabinet-demo' },
      { accept: 'application/json' }
    )
    assert.equal(throttled.status, 429)
    assert.isAbove(Number(throttled.headers['retry-after']), 0)
  }).timeout(60000)

  test('the demo seed refuses to run in production', async ({ assert }) => {
    await assert.rejects(() => seedDemo(db, { production: true }), DemoSeedRefused)
  })
})
