import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import { validateTranslated, idField } from '#app/core/http/validation'
import { acceptForm, refuseForm } from '#app/core/http/form_outcome'
import { recordAudit, recordAuditDurably } from '#app/audit/audit'
import { AcceptInvitation, viewInvitation } from '#app/auth/actions/accept_invitation'
import { completeSignIn } from '#app/auth/complete_sign_in'

const acceptValidator = vine.create({
  token: vine.string().maxLength(100),
  email: vine.string().trim().toLowerCase().email().maxLength(254),
  companyId: idField().optional(),
  fullName: vine.string().trim().minLength(2).maxLength(120),
  password: vine.string().maxLength(512).confirmed({ confirmationField: 'passwordConfirmation' }),
})

/* The invited person's side: see the invitation, choose a password, and be signed in. */
export default class InvitationController {
  async show(ctx: HttpContext) {
    const token = String(ctx.params.token ?? '')
    return ctx.inertia.render('auth/invitations/show', {
      token,
      invitation: await viewInvitation(token),
    })
  }

  async accept(ctx: HttpContext) {
    const input = await validateTranslated(ctx, acceptValidator)
    const result = await new AcceptInvitation().handle(ctx.tenant, input)
    if (!result.ok) {
      recordAuditDurably(ctx, {
        action: 'auth.invitation_refused',
        after: { reason: result.error },
      })
      return refuseForm(ctx, result.field, `ui.invitation.errors.${result.error}`)
    }
    await recordAudit(ctx, {
      action: 'auth.invitation_accepted',
      subjectType: 'user',
      subjectId: result.user.id,
    })
    await completeSignIn(ctx, result.user, 'invitation')
    return acceptForm(ctx, '/', 'ui.invitation.welcome')
  }
}
