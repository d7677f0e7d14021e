import { urlFor } from '@adonisjs/core/services/url_builder'
import type { HttpContext } from '@adonisjs/core/http'
import { acceptForm } from '#app/core/http/form_outcome'
import { notFound } from '#app/core/http/params'
import { wantsJson } from '#app/core/http/wants_json'
import { recordAudit } from '#app/audit/audit'
import { translatorFor } from '#app/core/i18n/request_locale'
import { refuseWhileImpersonating } from '#app/auth/step_up'
import { currentSessionRef, revokeAllSessions, revokeSession } from '#app/auth/user_sessions'
import type User from '#app/auth/models/user'

/*
 * The signed-in person's own sessions (one row per sign-in). An impersonator never ends the real
 * person's sessions (they end their own with the banner).
 */
export default class AccountSessionsController {
  async destroy(ctx: HttpContext) {
    refuseWhileImpersonating(ctx)
    const user = ctx.auth.use('web').user as User
    const ref = String(ctx.params.ref ?? '')
    if (!(await revokeSession(user.id, ref))) throw notFound()
    await recordAudit(ctx, {
      action: 'auth.session_ended',
      subjectType: 'user',
      subjectId: user.id,
    })
    // Ending the session in use is signing out.
    if (ref === currentSessionRef(ctx)) {
      await ctx.auth.use('web').logout()
      ctx.session.clear()
      if (wantsJson(ctx)) return ctx.response.ok({ ok: true, redirect: urlFor('auth.login') })
      return ctx.response.redirect(urlFor('auth.login'))
    }
    return acceptForm(ctx, urlFor('account.show'), 'ui.account.session_ended')
  }

  async destroyOthers(ctx: HttpContext) {
    refuseWhileImpersonating(ctx)
    const user = ctx.auth.use('web').user as User
    const ended = await revokeAllSessions(user.id, currentSessionRef(ctx))
    await recordAudit(ctx, {
      action: 'auth.other_sessions_ended',
      subjectType: 'user',
      subjectId: user.id,
      after: { ended },
    })
    if (wantsJson(ctx)) return ctx.response.ok({ ok: true, ended })
    ctx.session.flash('notice', translatorFor(ctx).t('ui.account.others_ended', { count: ended }))
    return ctx.response.redirect(urlFor('account.show'))
  }
}
