import env from '#start/env'
import { Secret } from '@adonisjs/core/helpers'
import { defineConfig } from '@adonisjs/core/http'

export const appKey = new Secret(env.get('APP_KEY').release())

/** Cookies are host-only (no Domain attribute) and Secure when served over HTTPS. */
export const servedOverHttps = env.get('PUBLIC_SCHEME', 'http') === 'https'

export const http = defineConfig({
  generateRequestId: true,
  allowMethodSpoofing: false,
  useAsyncLocalStorage: true,
  trustProxy: () => false,
  cookie: {
    domain: '',
    path: '/',
    maxAge: '2h',
    httpOnly: true,
    secure: servedOverHttps,
    sameSite: 'lax',
  },
})
