import { test } from '@japa/runner'
import { hostOf, Visitor } from '#tests/support/http'
import { queriesDuring } from '#tests/support/queries'

test.group('Query budget of signed-in pages', () => {
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
    ['pos', 'admin@pos.test', '/cabinet/requests'],
    ['pos', 'admin@pos.test', '/cabinet/sub-agents'],
    ['pos', 'admin@pos.test', '/account'],
    ['pos', 'admin@pos.test', '/cabinet/menus'],
    ['pos', 'admin@pos.test', '/cabinet/integrations'],
    ['pos', 'admin@pos.test', '/cabinet/integrations/calls'],
    ['pos-east', 'client@pos-east.test', '/portal/profile'],
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
