import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { Exception } from '@adonisjs/core/exceptions'
import { liveSession, type LiveSession } from '#auth/user_sessions'

export const SESSION_TENANT_KEY = 'tenant_id'

const sessions = new WeakMap<HttpContext, LiveSession>()

/** The session row behind an authenticated request (who is impersonating, which ref). */
export function liveSessionOf(ctx: HttpContext): LiveSession | undefined {
  return sessions.get(ctx)
}

/*
 * Requires a signed-in user of this tenant with a live session row. A session opened on another
 * tenant's domain (should one ever reach us), of a disabled user, or ended elsewhere (account
 * screen, password change, idle or absolute timeout) is ended, not honoured.
 */
export default class AuthMiddleware {
  async handle(ctx: HttpContext, next: NextFn, options: { audience?: 'staff' | 'client' } = {}) {
    const user = await ctx.auth
      .use('web')
      .check()
      .then(() => ctx.auth.use('web').user)
    const sessionTenant = ctx.session.get(SESSION_TENANT_KEY)
    const live =
      user && sessionTenant === ctx.tenant.id && user.status === 'active'
        ? await liveSession(ctx, user.id)
        : null
    if (!user || !live) {
      if (user) await ctx.auth.use('web').logout()
      if (ctx.request.accepts(['html', 'json']) === 'json' && !ctx.request.header('x-inertia')) {
        return ctx.response.unauthorized({ error: 'unauthenticated' })
      }
      return ctx.response.redirect('/login')
    }
    sessions.set(ctx, live)
    // A tenant that requires a second factor for staff lets them only set it up first.
    if (
      user.audience === 'staff' &&
      ctx.tenant.staffTwoFactorRequired &&
      !user.totpEnabledAt &&
      !ctx.route?.name?.startsWith('account.')
    ) {
      throw new Exception('Second factor required', {
        status: 403,
        code: 'E_TWO_FACTOR_REQUIRED',
      })
    }
    if (options.audience && user.audience !== options.audience) {
      return ctx.response.redirect('/')
    }
    return next()
  }
}
