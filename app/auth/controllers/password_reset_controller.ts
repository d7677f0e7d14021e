import { urlFor } from '@adonisjs/core/services/url_builder'
import type { HttpContext } from '@adonisjs/core/http'
import { validateTranslated } from '#app/core/http/validation'
import { acceptForm, refuseForm } from '#app/core/http/form_outcome'
import { wantsJson } from '#app/core/http/wants_json'
import { recordAudit, recordAuditDurably } from '#app/audit/audit'
import { translatorFor } from '#app/core/i18n/request_locale'
import { RequestPasswordReset, ResetPassword } from '#app/auth/actions/reset_password'
import {
  forgotPasswordValidator,
  resetPasswordValidator,
} from '#app/auth/validators/password_reset'
import { allowMailRequest } from '#app/auth/login_throttle'

/* Forgot-password and reset pages: public, answer alike for known and unknown e-mails. */
export default class PasswordResetController {
  async create({ inertia }: HttpContext) {
    return inertia.render('auth/password_reset/request', {})
  }

  async store(ctx: HttpContext) {
    const { email } = await validateTranslated(ctx, forgotPasswordValidator)
    const ip = ctx.request.ip()
    // Its own budget: links cannot flood a mailbox nor lock the owner out of signing in.
    if (await allowMailRequest(ctx.tenant.id, email, ip)) {
      const userId = await new RequestPasswordReset().handle(ctx.tenant, email)
      // Written whether or not the e-mail is known; the subject shows which, for auditors only.
      await recordAudit(ctx, {
        action: 'auth.password_reset_requested',
        subjectType: userId ? 'user' : undefined,
        subjectId: userId ?? undefined,
        after: { email },
      })
    } else {
      recordAuditDurably(ctx, { action: 'auth.password_reset_throttled', after: { email } })
    }
    // The same answer in every case (SECURITY A4).
    const message = translatorFor(ctx).t('ui.reset.sent')
    if (wantsJson(ctx)) return ctx.response.ok({ ok: true, message })
    ctx.session.flash('notice', message)
    return ctx.response.redirect(urlFor('auth.login'))
  }

  async edit({ inertia, params }: HttpContext) {
    // The token is checked on submit: the page reveals nothing about it.
    return inertia.render('auth/password_reset/reset', { token: String(params.token ?? '') })
  }

  async update(ctx: HttpContext) {
    const { token, password } = await validateTranslated(ctx, resetPasswordValidator)
    const result = await new ResetPassword().handle(ctx.tenant, token, password)
    if (!result.ok) {
      if (result.error === 'invalid_token') {
        recordAuditDurably(ctx, { action: 'auth.password_reset_refused' })
      }
      return refuseForm(
        ctx,
        result.field === 'token' ? 'password' : result.field,
        `ui.reset.errors.${result.error}`
      )
    }
    await recordAudit(ctx, {
      action: 'auth.password_reset',
      subjectType: 'user',
      subjectId: result.userId,
      after: { endedSessions: result.endedSessions },
    })
    return acceptForm(ctx, urlFor('auth.login'), 'ui.reset.done')
  }
}
