import { test } from '@japa/runner'
import { Redis } from 'ioredis'
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
})
