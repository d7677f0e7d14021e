import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import app from '@adonisjs/core/services/app'
import { normalizeHost } from '#app/tenancy/host'
import { renderNeutralNotFound } from '#app/core/http/neutral_not_found'

/** Paths served on any host, revealing nothing about tenants. */
const TENANT_FREE_PREFIXES = ['/health/', '/_tls/']

/*
 * First middleware of every request: maps the request host to an active tenant through the
 * in-memory registry. No tenant -> the neutral 404 page. There is no default tenant.
 */
export default class ResolveTenantMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const url = ctx.request.url()
    if (TENANT_FREE_PREFIXES.some((prefix) => url.startsWith(prefix))) return next()

    const registry = await app.container.make('tenancy.registry')
    const proxies = await app.container.make('tenancy.trustedProxies')
    const raw = ctx.request.request
    let host = raw.headers.host
    const forwarded = raw.headers['x-forwarded-host']
    if (forwarded && proxies.trusts(raw.socket.remoteAddress)) {
      host = String(forwarded).split(',')[0]
    }
    const tenant = await registry.resolveHost(normalizeHost(host))
    if (!tenant) return renderNeutralNotFound(ctx)
    ctx.tenant = tenant
    return next()
  }
}
