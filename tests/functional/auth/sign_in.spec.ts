import { test } from '@japa/runner'
import limiter from '@adonisjs/limiter/services/main'
import { hostOf, request, Visitor } from '#tests/support/http'

test.group('Sign-in', (group) => {
  group.each.setup(() => limiter.clear())

  test('staff sign in on their own tenant and land in its cabinet', async ({ assert }) => {
    const visitor = new Visitor(hostOf('fuel'))
    const result = await visitor.signIn('admin@fuel.test')
    assert.equal(result.status, 302)
    assert.equal(result.headers.location, '/')
    const home = await visitor.get('/')
    assert.equal(home.status, 200)
    assert.include(home.body, 'cabinet/home/index')
    assert.include(home.body, 'Анна Смирнова')
  })

  test('client users get the client portal', async ({ assert }) => {
    const visitor = new Visitor(hostOf('repair'))
    await visitor.signIn('client@repair.test')
    const home = await visitor.get('/')
    assert.include(home.body, 'portal/home/index')
    assert.include(home.body, 'Jack Turner')
  })

  test('a user signs in only on its own tenant', async ({ assert }) => {
    const visitor = new Visitor(hostOf('rail'))
    const result = await visitor.signIn('admin@fuel.test')
    assert.equal(result.status, 302)
    assert.equal(result.headers.location, '/login')
    assert.equal((await visitor.get('/')).headers.location, '/login')
  })

  test('unknown email and wrong password get the same answer', async ({ assert }) => {
    const json = { accept: 'application/json' }
    const unknown = await new Visitor(hostOf('fuel')).post(
      '/login',
      { email: 'ghost@fuel.test', password: 'x' },
      json
    )
    const wrong = await new Visitor(hostOf('fuel')).post(
      '/login',
      { email: 'admin@fuel.test', password: 'x' },
      json
    )
    assert.equal(unknown.status, 400)
    assert.equal(wrong.status, unknown.status)
    assert.equal(wrong.body, unknown.body)
  })

  test('repeated failures are throttled with 429 and Retry-After, in the tenant language', async ({
    assert,
  }) => {
    const visitor = new Visitor(hostOf('fuel'))
    for (let attempt = 0; attempt < 5; attempt++) {
      await visitor.post('/login', { email: 'admin@fuel.test', password: 'wrong' })
    }
    const throttled = await visitor.post('/login', {
      email: 'admin@fuel.test',
      password: 'kabinet-demo',
    })
    assert.equal(throttled.status, 429)
    assert.isAbove(Number(throttled.headers['retry-after']), 0)
    assert.include(throttled.body, 'Слишком много попыток входа')
    // Even the right password is refused while throttled: nothing was hashed.
    assert.notEqual((await visitor.get('/')).status, 200)
  })

  test('the session cookie is host-only and rotated on sign-in', async ({ assert }) => {
    const visitor = new Visitor(hostOf('repair'))
    await visitor.get('/login')
    const before = visitor.cookies.get('kabinet-session')
    const result = await visitor.signIn('admin@repair.test')
    const sessionCookie = result.setCookies.find((line) => line.startsWith('kabinet-session='))
    assert.isDefined(sessionCookie)
    assert.notMatch(sessionCookie!, /domain=/i)
    assert.match(sessionCookie!, /httponly/i)
    assert.notEqual(visitor.cookies.get('kabinet-session'), before)
  })

  test("a session opened on one tenant's domain is worthless on another", async ({ assert }) => {
    const fuel = new Visitor(hostOf('fuel'))
    await fuel.signIn('admin@fuel.test')
    assert.equal((await fuel.get('/')).status, 200)
    const replay = await request({
      path: '/',
      host: hostOf('rail'),
      headers: { cookie: fuel.cookieHeader },
    })
    assert.equal(replay.status, 302)
    assert.equal(replay.headers.location, '/login')
  })

  test('sign-out ends the session', async ({ assert }) => {
    const visitor = new Visitor(hostOf('pos'))
    await visitor.signIn('admin@pos.test')
    assert.equal((await visitor.get('/')).status, 200)
    await visitor.post('/logout', {})
    assert.equal((await visitor.get('/')).headers.location, '/login')
  })

  test('the platform owner signs in on the platform domain', async ({ assert }) => {
    const visitor = new Visitor(`localhost:${process.env.PORT}`)
    await visitor.signIn('owner@platform.test')
    const home = await visitor.get('/')
    assert.equal(home.headers.location, '/console')
  })
})
