import app from '@adonisjs/core/services/app'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import SessionMiddleware from '@adonisjs/session/session_middleware'
import ShieldMiddleware from '@adonisjs/shield/shield_middleware'
import InitializeAuthMiddleware from '@adonisjs/auth/initialize_auth_middleware'
import { moduleCatalog } from '#app/core/modules/registry'

interface Middleware {
  handle(ctx: HttpContext, next: NextFn): Promise<unknown>
}

let chain: Promise<Middleware[]> | undefined

/*
 * Shield URI-decodes the X-XSRF-TOKEN header and lets a malformed one (`%ff`) escape as a 500.
 * Such a header is no token at all: dropped here, the request is refused like one without.
 */
function forgetUndecodableXsrfHeader(ctx: HttpContext) {
  const headers = ctx.request.request.headers
  const token = headers['x-xsrf-token']
  if (token === undefined) return
  try {
    decodeURIComponent(Array.isArray(token) ? token.join(',') : token)
  } catch {
    delete headers['x-xsrf-token']
  }
}

/*
 * Session, CSRF (Shield) and auth for every route, except those declared `stateless` in
 * their module's manifest: public answers a shared cache may keep (brand tokens and assets)
 * and probes that must answer while the session store is down (health, TLS ask). Those never
 * read a session and never set a cookie, so a cache cannot hand one visitor's cookie to
 * another, and a Redis outage does not reach them.
 */
export default class StatefulMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const access = ctx.route?.name ? (await moduleCatalog()).routes.get(ctx.route.name) : undefined
    if (access && 'public' in access && access.stateless) return next()
    chain ??= Promise.all([
      app.container.make(SessionMiddleware),
      app.container.make(ShieldMiddleware),
      app.container.make(InitializeAuthMiddleware),
    ]) as Promise<Middleware[]>
    const [session, shield, auth] = await chain
    forgetUndecodableXsrfHeader(ctx)
    return session.handle(ctx, () => shield.handle(ctx, () => auth.handle(ctx, next)))
  }
}
