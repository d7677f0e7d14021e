import { test } from '@japa/runner'
import { Redis } from 'ioredis'
import app from '@adonisjs/core/services/app'
import { hostOf, Visitor } from '#tests/support/http'

/*
 * With REDIS_URL the session lives in Redis and the cookie carries only its signed id, so
 * every app process shares sessions and a session can be ended on the server. Runs in CI's
 * Redis pass; without REDIS_URL sessions are cookies by design.
 */
const redisUrl = process.env.REDIS_URL

/** The session id inside the signed cookie `s:<base64url {"message": id}>.<signature>`. */
function sessionIdOf(visitor: Visitor) {
  const signed = decodeURIComponent(visitor.cookies.get('kabinet-session') ?? '')
  const payload = signed.replace(/^s:/, '').split('.')[0]
  return (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { message: string })
    .message
}

test.group('Sessions in Redis', () => {
  test('the cookie holds only the id; the session data, sign-in included, is in Redis', async ({
    assert,
  }) => {
    const redis = new Redis(redisUrl!)
    try {
      const visitor = new Visitor(hostOf('repair'))
      await visitor.signIn('client@repair.test')
      assert.equal((await visitor.get('/')).status, 200)
      const id = sessionIdOf(visitor)
      const stored = await redis.get(`kabinet:${id}`)
      assert.isNotNull(stored)
      assert.include(stored!, 'auth_web')

      await visitor.post('/logout', {})
      assert.notEqual((await visitor.get('/')).status, 200)
      const afterLogout = await redis.get(`kabinet:${id}`)
      assert.isTrue(afterLogout === null || !afterLogout.includes('auth_web'))
    } finally {
      await redis.quit()
    }
  }).skip(!redisUrl, 'REDIS_URL is not set: runs in the external pass of .ci/run')

  test('with Redis down, signing in fails closed: 503, translated, nothing hashed or let through', async ({
    assert,
  }) => {
    const redis = (await import('@adonisjs/redis/services/main')).default
    const connection = redis.connection('main')
    const visitor = new Visitor(hostOf('fuel'))
    await visitor.get('/login')
    connection.ioConnection.disconnect()
    try {
      const response = await visitor.send('POST', '/login', {
        email: 'admin@fuel.test',
        password: 'kabinet-demo',
      })
      assert.equal(response.status, 503)
      assert.equal(response.json<any>().error, 'unavailable')
      assert.equal(
        response.json<any>().message,
        'Сейчас мы не можем безопасно проверить этот запрос. Повторите через минуту.'
      )
    } finally {
      // The same connection comes back (the session store holds it). Having ended once, the
      // manager no longer tracks it, so it is closed with the app from here.
      await connection.ioConnection.connect()
      app.terminating(async () => {
        await connection.ioConnection.quit().catch(() => {})
      })
    }
    // Back up (a fresh connection takes a moment to be ready): signing in works again.
    let location: string | undefined
    for (let attempt = 0; attempt < 50 && location !== '/'; attempt++) {
      location = (await new Visitor(hostOf('fuel')).signIn('admin@fuel.test')).headers.location
      if (location !== '/') await new Promise((resolve) => setTimeout(resolve, 100))
    }
    assert.equal(location, '/')
  }).skip(!redisUrl, 'REDIS_URL is not set: runs in the external pass of .ci/run')
})
