import type { HttpContext } from '@adonisjs/core/http'
import { isImpersonating, recentlyReauthenticated } from '#app/auth/step_up'
import { currentSessionRef, sessionsOf } from '#app/auth/user_sessions'
import type User from '#app/auth/models/user'

/*
 * The signed-in person's own account, for staff and clients alike: profile, sessions, second
 * factor. Routes declare `self` access: nobody acts on another account here.
 */
export default class AccountController {
  async show(ctx: HttpContext) {
    const user = ctx.auth.use('web').user as User
    const current = currentSessionRef(ctx)
    return ctx.inertia.render('auth/account/show', {
      profile: {
        fullName: user.fullName,
        email: user.email,
        emailVerified: user.emailVerifiedAt !== null,
        phone: user.phone,
        phoneVerified: user.phoneVerifiedAt !== null,
        audience: user.audience,
      },
      sessions: (await sessionsOf(user.id)).map((session) => ({
        ...session,
        current: session.id === current,
      })),
      twoFactor: {
        enabled: user.totpEnabledAt !== null,
        required: user.audience === 'staff' && ctx.tenant.access.staffTwoFactorRequired,
      },
      reauthenticated: recentlyReauthenticated(ctx),
      impersonating: isImpersonating(ctx),
    })
  }
}
