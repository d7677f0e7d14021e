import { urlFor } from '@adonisjs/core/services/url_builder'
import type { HttpContext } from '@adonisjs/core/http'
import { acceptForm, refuseForm } from '#app/core/http/form_outcome'
import { validateTranslated } from '#app/core/http/validation'
import { recordAudit, recordAuditDurably } from '#app/audit/audit'
import { ChangePhone } from '#app/auth/actions/change_phone'
import { confirmPhone } from '#app/auth/actions/register'
import { phoneCodeValidator } from '#app/auth/validators/registration'
import { changePhoneValidator } from '#app/auth/validators/account'
import { refuseWhileImpersonating, requireRecentAuth } from '#app/auth/step_up'
import type User from '#app/auth/models/user'

/* The signed-in person's own mobile number and the SMS code that confirms it. */
export default class PhoneController {
  /** A new mobile number: after a step-up, unconfirmed until its SMS code comes back. */
  async update(ctx: HttpContext) {
    requireRecentAuth(ctx)
    const user = ctx.auth.use('web').user as User
    const { phone } = await validateTranslated(ctx, changePhoneValidator)
    const { before } = await new ChangePhone().handle(ctx.tenant, user, phone)
    await recordAudit(ctx, {
      action: 'auth.phone_changed',
      subjectType: 'user',
      subjectId: user.id,
      before: { phone: before },
      after: { phone },
    })
    return acceptForm(ctx, urlFor('account.show'), 'ui.account.phone_code_sent')
  }

  async confirm(ctx: HttpContext) {
    refuseWhileImpersonating(ctx)
    const user = ctx.auth.use('web').user as User
    const { code } = await validateTranslated(ctx, phoneCodeValidator)
    const result = await confirmPhone(user.id, code)
    if (result !== 'ok') {
      recordAuditDurably(ctx, { action: 'auth.phone_code_failed', subjectId: user.id })
      return refuseForm(ctx, 'code', `ui.register.errors.code_${result}`)
    }
    await recordAudit(ctx, {
      action: 'auth.phone_confirmed',
      subjectType: 'user',
      subjectId: user.id,
    })
    return acceptForm(ctx, urlFor('account.show'), 'ui.account.phone_confirmed')
  }
}
