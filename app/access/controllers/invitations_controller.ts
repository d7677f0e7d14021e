import { urlFor } from '@adonisjs/core/services/url_builder'
import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import { authorize, can } from '#app/access/authorization'
import { validateTranslated, idField } from '#app/core/http/validation'
import { acceptForm, refuseForm } from '#app/core/http/form_outcome'
import { idParam, notFound } from '#app/core/http/params'
import { actorOf } from '#app/access/actor'
import { InviteUser, withdrawInvitation } from '#app/access/actions/invite_user'
import { recordAudit } from '#app/audit/audit'
import { isLocale } from '#app/core/i18n/locales'
import type User from '#app/auth/models/user'

const inviteValidator = vine.create({
  email: vine.string().trim().toLowerCase().email().maxLength(254),
  fullName: vine.string().trim().minLength(2).maxLength(120),
  audience: vine.enum(['staff', 'client'] as const),
  roleId: idField(),
  clientId: idField().optional(),
  locale: vine.string().optional(),
})

/* Staff invite people: staff with a staff role, or client users of one client. */
export default class InvitationsController {
  async store(ctx: HttpContext) {
    // Staff invitations need people management, client ones the linking permission.
    const canStaff = await can(ctx, 'access.users.manage')
    const canClients = await can(ctx, 'clients.members.manage')
    if (!canStaff && !canClients) await authorize(ctx, 'access.users.manage')
    const input = await validateTranslated(ctx, inviteValidator)
    await authorize(
      ctx,
      input.audience === 'staff' ? 'access.users.manage' : 'clients.members.manage'
    )
    const user = ctx.auth.use('web').user as User
    const result = await new InviteUser().handle(
      { ...(await actorOf(ctx)), fullName: user.fullName },
      ctx.tenant,
      { ...input, locale: isLocale(input.locale) ? input.locale : undefined }
    )
    if (!result.ok) {
      const key =
        result.error === 'email_taken'
          ? 'ui.invitation.errors.already_registered'
          : `ui.access.errors.${result.error}`
      return refuseForm(ctx, result.field, key)
    }
    await recordAudit(ctx, {
      action: 'access.user_invited',
      subjectType: 'invitation',
      subjectId: result.invitationId,
      after: {
        email: input.email,
        audience: input.audience,
        roleId: input.roleId,
        clientId: input.clientId ?? null,
      },
    })
    const back =
      input.audience === 'client' && input.clientId
        ? urlFor('cabinet.clients.show', { id: input.clientId })
        : urlFor('cabinet.people.index')
    return acceptForm(ctx, back, 'ui.invitation.sent', { invitationId: result.invitationId })
  }

  async destroy(ctx: HttpContext) {
    await authorize(ctx, 'access.users.manage')
    const id = idParam(ctx.params.id)
    if (!id || !(await withdrawInvitation(id))) throw notFound()
    await recordAudit(ctx, {
      action: 'access.invitation_withdrawn',
      subjectType: 'invitation',
      subjectId: id,
    })
    return acceptForm(ctx, urlFor('cabinet.people.index'), 'ui.invitation.withdrawn')
  }
}
