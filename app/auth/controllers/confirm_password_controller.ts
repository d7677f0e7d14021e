import { urlFor } from '@adonisjs/core/services/url_builder'
import type { HttpContext } from '@adonisjs/core/http'
import { acceptForm, refuseForm } from '#app/core/http/form_outcome'
import { validateTranslated } from '#app/core/http/validation'
import { recordAudit, recordAuditDurably } from '#app/audit/audit'
import { throttledText } from '#app/auth/throttled_message'
import { confirmPasswordValidator } from '#app/auth/validators/account'
import { markReauthenticated, refuseWhileImpersonating } from '#app/auth/step_up'
import { ConfirmPassword } from '#app/auth/actions/confirm_password'
import type User from '#app/auth/models/user'

/* Step-up: the password again, throttled like sign-in; good for the next minutes. */
export default class ConfirmPasswordController {
  async handle(ctx: HttpContext) {
    refuseWhileImpersonating(ctx)
    const user = ctx.auth.use('web').user as User
    const { password } = await validateTranslated(ctx, confirmPasswordValidator)
    const result = await new ConfirmPassword().handle(
      ctx.tenant.id,
      user,
      password,
      ctx.request.ip()
    )
    if (!result.ok && result.error === 'throttled') {
      recordAuditDurably(ctx, { action: 'auth.reauth_throttled', subjectId: user.id })
      ctx.response.header('Retry-After', String(result.retryAfterSeconds))
      const text = throttledText('ui.auth.throttled', result.retryAfterSeconds)
      return refuseForm(ctx, 'password', text.key, text.params, 429)
    }
    if (!result.ok) {
      recordAuditDurably(ctx, { action: 'auth.reauth_failed', subjectId: user.id })
      return refuseForm(ctx, 'password', 'ui.account.errors.wrong_password')
    }
    markReauthenticated(ctx)
    await recordAudit(ctx, {
      action: 'auth.reauthenticated',
      subjectType: 'user',
      subjectId: user.id,
    })
    return acceptForm(ctx, urlFor('account.show'), 'ui.account.confirmed')
  }
}
