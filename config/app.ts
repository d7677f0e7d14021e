import env from '#start/env'
import { Secret } from '@adonisjs/core/helpers'
import { defineConfig } from '@adonisjs/core/http'
import { TrustedProxies } from '#app/tenancy/trusted_proxies'

export const appKey = new Secret(env.get('APP_KEY').release())

/** Cookies are host-only (no Domain attribute) and Secure when served over HTTPS. */
export const servedOverHttps = env.get('PUBLIC_SCHEME', 'http') === 'https'

const trustedProxies = new TrustedProxies(env.get('TRUSTED_PROXIES'))

export const http = defineConfig({
  generateRequestId: true,
  allowMethodSpoofing: false,
  useAsyncLocalStorage: true,
  // X-Forwarded-For (request.ip()) only from TRUSTED_PROXIES, like X-Forwarded-Host.
  trustProxy: (address: string) => trustedProxies.trusts(address),
  cookie: {
    domain: '',
    path: '/',
    maxAge: '2h',
    httpOnly: true,
    secure: servedOverHttps,
    sameSite: 'lax',
  },
})
