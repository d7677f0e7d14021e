import { urlFor } from '@adonisjs/core/services/url_builder'
import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import { authorize } from '#app/access/authorization'
import { validateTranslated } from '#app/core/http/validation'
import { acceptForm, refuseForm } from '#app/core/http/form_outcome'
import { recordAudit } from '#app/audit/audit'
import { UpdateStaffSecurity } from '#app/access/actions/update_staff_security'

const securityValidator = vine.create({
  staffTwoFactorRequired: vine.boolean(),
  /** One address or IPv4 range per line; empty: any. */
  staffIpRanges: vine.string().trim().maxLength(2000).optional(),
})

/** This tenant's own sign-in policy: a second factor for every staff member, or not. */
export default class StaffSecurityController {
  async update(ctx: HttpContext) {
    await authorize(ctx, 'access.users.manage')
    const input = await validateTranslated(ctx, securityValidator)
    const result = await new UpdateStaffSecurity().handle(ctx.tenant, input, ctx.request.ip())
    if (!result.ok) {
      return refuseForm(ctx, 'staffIpRanges', `ui.security.errors.${result.error}`, result.params)
    }
    await recordAudit(ctx, {
      action: 'access.security_updated',
      subjectType: 'tenant',
      subjectId: ctx.tenant.id,
      before: result.before,
      after: { staffTwoFactorRequired: input.staffTwoFactorRequired, staffIpRanges: result.ranges },
    })
    return acceptForm(ctx, urlFor('cabinet.people.index'), 'ui.two_factor.security_saved')
  }
}
