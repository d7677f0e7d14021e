import env from '#start/env'
import { defineConfig, stores } from '@adonisjs/session'
import { servedOverHttps } from '#config/app'

/*
 * Host-only session cookie: a session opened on one tenant's domain is never sent to another.
 * Over HTTPS the name carries the __Host- prefix, which browsers accept only with Secure,
 * Path=/ and no Domain attribute.
 */
const sessionConfig = defineConfig({
  enabled: true,
  cookieName: servedOverHttps ? '__Host-kabinet-session' : 'kabinet-session',
  clearWithBrowser: false,
  age: '2h',
  cookie: {
    domain: '',
    path: '/',
    httpOnly: true,
    secure: servedOverHttps,
    sameSite: 'lax',
  },
  // Server-side sessions in Redis when configured (shared by every process); otherwise the
  // encrypted cookie, which needs no server state at all.
  store: env.get('REDIS_URL') ? 'redis' : 'cookie',
  stores: {
    cookie: stores.cookie(),
    redis: stores.redis({ connection: 'main' }),
  },
})

export default sessionConfig
