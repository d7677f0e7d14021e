import { urlFor } from '@adonisjs/core/services/url_builder'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { Exception } from '@adonisjs/core/exceptions'
import {
  liveSession,
  revokeSession,
  userWithSession,
  type LiveSession,
} from '#app/auth/user_sessions'
import {
  IMPERSONATION_KEY,
  impersonatorStillActs,
  type ImpersonationInfo,
} from '#app/auth/impersonation'
import User from '#app/auth/models/user'
import { rememberImpersonator } from '#app/core/http/acting_person'

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
    const { user, live } = await this.#authenticate(ctx)
    if (!user || !live) {
      if (user) await ctx.auth.use('web').logout()
      if (ctx.request.accepts(['html', 'json']) === 'json' && !ctx.request.header('x-inertia')) {
        return ctx.response.unauthorized({ error: 'unauthenticated' })
      }
      return ctx.response.redirect(urlFor('auth.login'))
    }
    sessions.set(ctx, live)
    rememberImpersonator(ctx, live.impersonatorUserId)
    // A tenant may accept its staff cabinet only from its own networks (issue #4 §3).
    const allowList = ctx.tenant.access.staffIpAllowList
    if (user.audience === 'staff' && allowList && !allowList.contains(ctx.request.ip())) {
      throw new Exception('Address not allowed', { status: 403, code: 'E_IP_NOT_ALLOWED' })
    }
    // A tenant that requires a second factor for staff lets them only set it up first.
    if (
      user.audience === 'staff' &&
      ctx.tenant.access.staffTwoFactorRequired &&
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

  /*
   * The user and its session row in one query, handed to the session guard as if it had
   * looked the user up itself (it would read the same row by the same id from the session).
   */
  async #authenticate(ctx: HttpContext): Promise<{ user: User | null; live: LiveSession | null }> {
    const guard = ctx.auth.use('web')
    const userId = ctx.session.get(guard.sessionKeyName) as number | undefined
    if (!userId || ctx.session.get(SESSION_TENANT_KEY) !== ctx.tenant.id) {
      const user = (await guard.check()) ? (guard.user as User) : null
      return { user, live: null }
    }
    const found = await userWithSession(ctx, userId)
    if (!found) {
      // No such user or no session row for it: this session is worthless, forget who it was.
      guard.authenticationAttempted = true
      ctx.session.forget(guard.sessionKeyName)
      return { user: null, live: null }
    }
    const user = User.$createFromAdapterResult(found.user) as User
    guard.user = user
    guard.isAuthenticated = true
    guard.authenticationAttempted = true
    if (user.status !== 'active') return { user, live: null }
    const live = await liveSession(ctx, user.id, found.session)
    // An impersonated session ends as soon as its impersonator could no longer start it.
    if (live?.impersonatorUserId) {
      const info = ctx.session.get(IMPERSONATION_KEY) as ImpersonationInfo | undefined
      if (!(await impersonatorStillActs(info, ctx.tenant.id))) {
        await revokeSession(user.id, live.id)
        return { user, live: null }
      }
    }
    return { user, live }
  }
}
