import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { hostOf, Visitor } from '#tests/support/http'
import { newUser } from '#tests/support/people'

const JSON_HEADERS = { accept: 'application/json' }

async function setRanges(slug: string, ranges: string[]) {
  await db.from('tenants').where('slug', slug).update({ staff_ip_ranges: ranges })
  await (await app.container.make('tenancy.registry')).invalidate()
}

test.group('Staff cabinet address ranges (issue #4 §3)', () => {
  test('an admin limits the staff cabinet to its networks; clients are not affected', async ({
    assert,
  }) => {
    const admin = await newUser('repair', 'staff', { roles: ['admin'] })
    const visitor = new Visitor(hostOf('repair'))
    await visitor.signIn(admin.email)
    try {
      const garbage = await visitor.send('PUT', '/cabinet/security', {
        staffTwoFactorRequired: false,
        staffIpRanges: 'not-an-address',
      })
      assert.equal(garbage.status, 422)
      assert.equal(
        garbage.json<any>().errors[0].message,
        '"not-an-address" is not an address or IPv4 range.'
      )
      // A list without the saving request's own address would shut it out: refused.
      const lockout = await visitor.send('PUT', '/cabinet/security', {
        staffTwoFactorRequired: false,
        staffIpRanges: '10.0.0.0/8',
      })
      assert.equal(lockout.status, 422)
      const saved = await visitor.send('PUT', '/cabinet/security', {
        staffTwoFactorRequired: false,
        staffIpRanges: '127.0.0.1\n10.0.0.0/8',
      })
      assert.equal(saved.status, 200, saved.body)
      assert.equal((await visitor.get('/cabinet/people', JSON_HEADERS)).status, 200)

      // From an address outside the list (as if the office network changed): refused.
      await setRanges('repair', ['10.0.0.0/8'])
      const refused = await visitor.get('/', JSON_HEADERS)
      assert.equal(refused.status, 403)
      assert.equal(refused.json<any>().error, 'ip_not_allowed')
      const client = new Visitor(hostOf('repair'))
      await client.signIn('client@repair.test')
      assert.equal((await client.get('/', JSON_HEADERS)).status, 200)
    } finally {
      await setRanges('repair', [])
    }
    assert.equal((await visitor.get('/cabinet/people', JSON_HEADERS)).status, 200)
  })
})
