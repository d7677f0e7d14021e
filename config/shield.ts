import { defineConfig } from '@adonisjs/shield'
import { servedOverHttps } from '#config/app'

const shieldConfig = defineConfig({
  csp: { enabled: false, directives: {}, reportOnly: false },
  csrf: {
    enabled: true,
    exceptRoutes: [],
    enableXsrfCookie: true,
    methods: ['POST', 'PUT', 'PATCH', 'DELETE'],
    cookieOptions: { domain: '', secure: servedOverHttps, sameSite: 'lax', path: '/' },
  },
  xFrame: { enabled: true, action: 'DENY' },
  hsts: { enabled: servedOverHttps, maxAge: '180 days' },
  contentTypeSniffing: { enabled: true },
})

export default shieldConfig
