import { urlFor } from '@adonisjs/core/services/url_builder'
import type { HttpContext } from '@adonisjs/core/http'
import { recordAudit, recordAuditDurably } from '#app/audit/audit'
import { findUsableToken, spendToken } from '#app/auth/tokens'
import { SESSION_TENANT_KEY, liveSessionOf } from '#app/auth/middleware/auth_middleware'
import { openUserSession, revokeSession, currentSessionRef } from '#app/auth/user_sessions'
import { wantsJson } from '#app/core/http/wants_json'
import User from '#app/auth/models/user'
import { IMPERSONATION_KEY, type ImpersonationInfo } from '#app/auth/impersonation'

/*
 * The target side of impersonation, on the target tenant's domain: spend the 60-second token
 * for a fresh session marked with the impersonator, and end it again.
 */
export default class ImpersonationController {
  async start(ctx: HttpContext) {
    const row = await findUsableToken('impersonation', String(ctx.params.token ?? ''))
    const payload = row?.payload as Record<string, unknown> | null | undefined
    const user = row?.userId ? await User.query().where('id', row.userId).first() : null
    if (!row || !payload || !user || user.status !== 'active') {
      recordAuditDurably(ctx, { action: 'auth.impersonation_refused' })
      return ctx.response.redirect(urlFor('auth.login'))
    }
    await spendToken(row.id)
    const info: ImpersonationInfo = {
      byUserId: Number(payload.impersonatorUserId),
      byName: String(payload.impersonatorName ?? ''),
      byTenantId: Number(payload.impersonatorTenantId),
      bySessionRef: String(payload.impersonatorSessionRef ?? ''),
      returnUrl: String(payload.returnUrl ?? '/'),
    }
    // A new session id (login regenerates it), marked as impersonated in its row.
    await ctx.auth.use('web').login(user)
    ctx.session.put(SESSION_TENANT_KEY, ctx.tenant.id)
    ctx.session.put(IMPERSONATION_KEY, info)
    await openUserSession(ctx, user.id, { impersonatorUserId: info.byUserId })
    await recordAudit(ctx, {
      action: 'auth.impersonation_started',
      subjectType: 'user',
      subjectId: user.id,
      impersonatorUserId: info.byUserId,
      after: { impersonatorTenantId: info.byTenantId },
    })
    return ctx.response.redirect('/')
  }

  async end(ctx: HttpContext) {
    const user = ctx.auth.use('web').user as User
    const live = liveSessionOf(ctx)
    const info = ctx.session.get(IMPERSONATION_KEY) as ImpersonationInfo | undefined
    if (!live?.impersonatorUserId || !info) {
      return ctx.response.redirect('/')
    }
    await recordAudit(ctx, {
      action: 'auth.impersonation_ended',
      subjectType: 'user',
      subjectId: user.id,
      after: { impersonatorTenantId: info.byTenantId },
    })
    const ref = currentSessionRef(ctx)
    if (ref) await revokeSession(user.id, ref)
    await ctx.auth.use('web').logout()
    ctx.session.clear()
    ctx.session.regenerate()
    if (wantsJson(ctx)) return ctx.response.ok({ ok: true, redirect: info.returnUrl })
    // Back to the impersonator's own domain: a full page visit, not an Inertia one.
    if (ctx.request.header('x-inertia')) return ctx.inertia.location(info.returnUrl)
    return ctx.response.redirect(info.returnUrl)
  }
}
