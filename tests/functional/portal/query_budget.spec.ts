import { test } from '@japa/runner'
import { hostOf, Visitor } from '#tests/support/http'
import { queriesDuring } from '#tests/support/queries'
import db from '@adonisjs/lucid/services/db'
import { notify } from '#app/notifications/notify'
import { inTenant } from '#tests/support/people'
import { eventually } from '#tests/support/eventually'

test.group('Query budget of signed-in pages', (group) => {
  // Rows on the notification pages, so a query per row would show.
  group.setup(async () => {
    for (const [slug, email] of [
      ['pos', 'admin@pos.test'],
      ['pos-east', 'client@pos-east.test'],
    ]) {
      await inTenant(slug, async () => {
        const person = await db.from('users').where('email', email).firstOrFail()
        for (let n = 0; n < 3; n++) {
          await notify('jobs.dead_letter', {
            userIds: [person.id],
            params: { queue: `budget-${n}`, attempts: 1, error: 'x' },
          })
        }
      })
      // Their mails sent, so the worker's queries do not fall into a measurement.
      await eventually(
        () => inTenant(slug, () => db.from('notifications').where('email_status', 'queued')),
        (rows) => rows.length === 0
      )
    }
  })

  for (const [slug, email] of [
    ['fuel', 'admin@fuel.test'],
    ['repair', 'client@repair.test'],
    ['pos-east-kiosk', 'admin@pos-east-kiosk.test'],
  ]) {
    test(`${email}'s home page needs at most 10 queries, the same on every visit`, async ({
      assert,
    }) => {
      const visitor = new Visitor(hostOf(slug))
      await visitor.signIn(email)
      await visitor.get('/') // warm: the tenant registry and the page's first render
      const first = await queriesDuring(() => visitor.get('/'))
      const second = await queriesDuring(() => visitor.get('/'))
      assert.isAtMost(first.length, 10, first.join('\n'))
      // No per-item or growing query count: the same page costs the same.
      assert.equal(second.length, first.length)
    })
  }

  // List pages: a fixed number of queries however many rows they show (no query per row).
  for (const [slug, email, path] of [
    ['pos', 'admin@pos.test', '/cabinet/clients'],
    ['pos', 'admin@pos.test', '/cabinet/clients?scope=subtree'],
    ['pos', 'admin@pos.test', '/cabinet/people'],
    ['pos', 'admin@pos.test', '/cabinet/audit?scope=subtree'],
    ['pos', 'admin@pos.test', '/cabinet/link-requests'],
    ['pos', 'admin@pos.test', '/cabinet/sub-agents'],
    ['pos', 'admin@pos.test', '/account'],
    ['pos', 'admin@pos.test', '/cabinet/menus'],
    ['pos', 'admin@pos.test', '/cabinet/integrations'],
    ['pos', 'admin@pos.test', '/cabinet/integrations/calls'],
    ['pos', 'admin@pos.test', '/notifications'],
    ['pos', 'admin@pos.test', '/cabinet/notifications/history'],
    ['pos', 'admin@pos.test', '/account/notifications'],
    ['pos-east', 'client@pos-east.test', '/portal/profile'],
    ['pos-east', 'client@pos-east.test', '/notifications'],
  ]) {
    test(`${path} for ${email} needs at most 10 queries, the same on every visit`, async ({
      assert,
    }) => {
      const visitor = new Visitor(hostOf(slug))
      await visitor.signIn(email)
      await visitor.get(path)
      const first = await queriesDuring(() => visitor.get(path))
      const second = await queriesDuring(() => visitor.get(path))
      assert.isAtMost(first.length, 10, first.join('\n'))
      assert.equal(second.length, first.length)
    })
  }
})
