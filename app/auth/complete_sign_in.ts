import type { HttpContext } from '@adonisjs/core/http'
import { recordAudit } from '#app/audit/audit'
import { SESSION_TENANT_KEY } from '#app/auth/middleware/auth_middleware'
import { openUserSession } from '#app/auth/user_sessions'
import type User from '#app/auth/models/user'

/*
 * The last step of every way in (password, password + second factor, accepted invitation):
 * login() regenerates the session id (fixation defence), the tenant is bound to the session,
 * a session row is opened, and the sign-in is audited once.
 */
export async function completeSignIn(
  ctx: HttpContext,
  user: User,
  how: 'password' | 'totp' | 'recovery_code' | 'invitation'
) {
  await ctx.auth.use('web').login(user)
  ctx.session.put(SESSION_TENANT_KEY, ctx.tenant.id)
  await openUserSession(ctx, user.id)
  await recordAudit(ctx, {
    action: 'auth.sign_in',
    subjectType: 'user',
    subjectId: user.id,
    after: { factor: how },
  })
}
