import type { HttpContext } from '@adonisjs/core/http'
import type User from '#app/auth/models/user'
import { liveSessionOf } from '#app/auth/middleware/auth_middleware'
import { IMPERSONATION_KEY, type ImpersonationInfo } from '#app/auth/impersonation'

/* The signed-in person, and who really acts while someone impersonates them (app/auth/pages.ts). */
export default function authSharedProps(ctx: HttpContext) {
  // The guard's user: our auth middleware checks the guard, not `auth.authenticate()`.
  const user = ctx.auth?.use('web').user as User | undefined
  return {
    user: user
      ? { id: user.id, fullName: user.fullName, email: user.email, audience: user.audience }
      : null,
    // The banner: who is really acting, while someone impersonates this person.
    impersonation: liveSessionOf(ctx)?.impersonatorUserId
      ? {
          byName:
            (ctx.session.get(IMPERSONATION_KEY) as ImpersonationInfo | undefined)?.byName ?? '',
        }
      : null,
  }
}
