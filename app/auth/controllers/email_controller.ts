import { urlFor } from '@adonisjs/core/services/url_builder'
import type { HttpContext } from '@adonisjs/core/http'
import { acceptForm, refuseForm } from '#app/core/http/form_outcome'
import { validateTranslated } from '#app/core/http/validation'
import { recordAudit } from '#app/audit/audit'
import { ChangeEmail } from '#app/auth/actions/change_email'
import { sendEmailConfirmation } from '#app/auth/actions/register'
import { changeEmailValidator } from '#app/auth/validators/account'
import { requireRecentAuth } from '#app/auth/step_up'
import type User from '#app/auth/models/user'

/* The signed-in person's own e-mail, after a step-up; the new address gets a confirmation link. */
export default class EmailController {
  async update(ctx: HttpContext) {
    requireRecentAuth(ctx)
    const user = ctx.auth.use('web').user as User
    const { email } = await validateTranslated(ctx, changeEmailValidator)
    const result = await new ChangeEmail().handle(user, email)
    if (!result.ok) return refuseForm(ctx, 'email', `ui.account.errors.${result.error}`)
    // The new address is confirmed by a link sent to it (the page says so).
    await sendEmailConfirmation(ctx.tenant, user)
    await recordAudit(ctx, {
      action: 'auth.email_changed',
      subjectType: 'user',
      subjectId: user.id,
      before: { email: result.before },
      after: { email },
    })
    return acceptForm(ctx, urlFor('account.show'), 'ui.account.email_changed')
  }
}
