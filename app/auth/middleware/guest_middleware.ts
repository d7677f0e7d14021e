import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { SESSION_TENANT_KEY } from '#app/auth/middleware/auth_middleware'

/*
 * Signed-in users asking for the sign-in page go home (where the session is fully checked).
 * Reads only the session, so the sign-in page costs no database query.
 */
export default class GuestMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    if (ctx.session.get(SESSION_TENANT_KEY) === ctx.tenant.id) return ctx.response.redirect('/')
    return next()
  }
}
