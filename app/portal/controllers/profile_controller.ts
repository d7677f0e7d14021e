import { urlFor } from '@adonisjs/core/services/url_builder'
import { notifyLinkRequested } from '#app/clients/link_request_notice'
import type { HttpContext } from '@adonisjs/core/http'
import { authorize, holdingOf } from '#app/access/authorization'
import LinkRequest from '#app/clients/models/link_request'
import Role from '#app/tenancy/models/role'
import type User from '#app/auth/models/user'
import type { Translated } from '#app/core/i18n/locales'
import { Exception } from '@adonisjs/core/exceptions'
import { validateTranslated } from '#app/core/http/validation'
import { acceptForm } from '#app/core/http/form_outcome'
import { recordAudit } from '#app/audit/audit'
import { CLIENT_TYPES, clientValidator } from '#app/clients/validators/client_validator'
import { profileOf } from '#app/auth/profile'

/* The client user's own profile: who it is and which companies it acts for, in which role. */
export default class ProfileController {
  async show(ctx: HttpContext) {
    await authorize(ctx, 'portal.home.view')
    const user = ctx.auth.use('web').user as User
    const { companies } = await holdingOf(ctx)
    const roles = await Role.query()
      .whereIn(
        'id',
        companies.map((company) => company.roleId)
      )
      .select('id', 'name')
    const roleNames = new Map<number, Translated>(roles.map((role) => [role.id, role.name]))
    return ctx.inertia.render('portal/profile/show', {
      profile: profileOf(user),
      companies: companies.map((company) => ({
        id: company.clientId,
        name: company.name,
        role: roleNames.get(company.roleId) ?? null,
      })),
      types: [...CLIENT_TYPES],
      pendingRequests: await LinkRequest.query()
        .where({ user_id: user.id, status: 'pending' })
        .count('* as total')
        .pojo<{ total: string }>()
        .then(([row]) => Number(row?.total ?? 0)),
    })
  }

  /** A client user asks to act for one more company; staff approve it like a sign-up. */
  async requestCompany(ctx: HttpContext) {
    const user = ctx.auth.use('web').user as User
    if (user.audience !== 'client') throw new Exception('Forbidden', { status: 403 })
    const company = await validateTranslated(ctx, clientValidator)
    const row = await LinkRequest.create({ userId: user.id, company, status: 'pending' })
    await notifyLinkRequested(user.fullName, company.name)
    await recordAudit(ctx, {
      action: 'portal.link_requested',
      subjectType: 'link_request',
      subjectId: row.id,
      after: { company: company.name },
    })
    return acceptForm(ctx, urlFor('portal.profile'), 'ui.portal.request_sent')
  }
}
