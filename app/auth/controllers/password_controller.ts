import { urlFor } from '@adonisjs/core/services/url_builder'
import type { HttpContext } from '@adonisjs/core/http'
import { acceptForm, refuseForm } from '#app/core/http/form_outcome'
import { validateTranslated } from '#app/core/http/validation'
import { recordAudit, recordAuditDurably } from '#app/audit/audit'
import { changePasswordValidator } from '#app/auth/validators/account'
import { refuseWhileImpersonating } from '#app/auth/step_up'
import { currentSessionRef } from '#app/auth/user_sessions'
import { ChangePassword } from '#app/auth/actions/change_password'
import type User from '#app/auth/models/user'

/* The signed-in person's own password; the other sessions end if they ask. */
export default class PasswordController {
  async update(ctx: HttpContext) {
    refuseWhileImpersonating(ctx)
    const user = ctx.auth.use('web').user as User
    const input = await validateTranslated(ctx, changePasswordValidator)
    const result = await new ChangePassword().handle(
      user,
      {
        currentPassword: input.currentPassword,
        password: input.password,
        endOtherSessions: input.endOtherSessions ?? false,
      },
      currentSessionRef(ctx)
    )
    if (!result.ok) {
      if (result.error === 'wrong_password') {
        recordAuditDurably(ctx, { action: 'auth.password_change_failed', subjectId: user.id })
      }
      return refuseForm(ctx, result.field, `ui.account.errors.${result.error}`)
    }
    await recordAudit(ctx, {
      action: 'auth.password_changed',
      subjectType: 'user',
      subjectId: user.id,
      after: { endedSessions: result.endedSessions },
    })
    return acceptForm(ctx, urlFor('account.show'), 'ui.account.password_changed', {
      endedSessions: result.endedSessions,
    })
  }
}
