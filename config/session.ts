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
  store: 'cookie',
  stores: {
    cookie: stores.cookie(),
  },
})

export default sessionConfig
