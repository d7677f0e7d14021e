import { defineConfig } from '@adonisjs/shield'
import { servedOverHttps } from '#config/app'

const shieldConfig = defineConfig({
  /*
   * Scripts only from our own origin (Vite's dev client included); styles may be inline
   * because the root layout prints the brand's CSS variables and Vite injects styles in
   * development. Nothing may frame us.
   */
  csp: {
    enabled: true,
    directives: {
      defaultSrc: [`'self'`],
      scriptSrc: [`'self'`, '@nonce'],
      styleSrc: [`'self'`, `'unsafe-inline'`],
      imgSrc: [`'self'`, 'data:', 'blob:'],
      fontSrc: [`'self'`, 'data:'],
      connectSrc: [`'self'`, 'ws:', 'wss:'],
      objectSrc: [`'none'`],
      baseUri: [`'self'`],
      formAction: [`'self'`],
      frameAncestors: [`'none'`],
    },
    reportOnly: false,
  },
  csrf: {
    enabled: true,
    exceptRoutes: [],
    enableXsrfCookie: true,
    methods: ['POST', 'PUT', 'PATCH', 'DELETE'],
    cookieOptions: { domain: '', secure: servedOverHttps, sameSite: 'lax', path: '/' },
  },
  xFrame: { enabled: true, action: 'DENY' },
  hsts: { enabled: servedOverHttps, maxAge: '365 days' },
  contentTypeSniffing: { enabled: true },
})

export default shieldConfig
