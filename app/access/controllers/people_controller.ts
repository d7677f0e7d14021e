import { urlFor } from '@adonisjs/core/services/url_builder'
import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import { authorize } from '#app/access/authorization'
import { validateTranslated, idField } from '#app/core/http/validation'
import { acceptForm, refuseForm } from '#app/core/http/form_outcome'
import { actorOf } from '#app/access/actor'
import { AssignRole } from '#app/access/actions/manage_roles'
import { grantable } from '#app/access/queries/sub_agents'
import { networkPeople, peopleAndRoles, pendingInvitations } from '#app/access/queries/people'
import app from '@adonisjs/core/services/app'
import { inSubtree } from '#app/access/subtree'
import { withSubtreeReads } from '#app/core/database/subtree'
import User from '#app/auth/models/user'
import { idParam, notFound } from '#app/core/http/params'

const assignValidator = vine.create({ roleId: idField() })

/* People of this tenant (and, with a subtree grant, of its network) and who holds which role. */
export default class PeopleController {
  async index(ctx: HttpContext) {
    await authorize(ctx, 'access.users.manage')
    const actor = await actorOf(ctx)
    const canSubtree = actor.scopes?.get('access.users.manage') === 'subtree'
    const subtree = canSubtree && ctx.request.qs().scope === 'subtree'
    const registry = await app.container.make('tenancy.registry')
    const tenants = (await registry.all()).filter((tenant) => inSubtree(ctx.tenant, tenant))
    const network = subtree
      ? await withSubtreeReads(ctx.tenant.path, () =>
          networkPeople({ path: ctx.tenant.path, tenantIds: tenants.map((tenant) => tenant.id) })
        )
      : []
    const names = new Map(tenants.map((tenant) => [tenant.id, tenant.name]))
    return ctx.inertia.render('access/people/index', {
      scope: subtree ? 'subtree' : 'own',
      network: network.map((row) => ({ ...row, tenant: names.get(row.tenantId) ?? '' })),
      ...(await peopleAndRoles()),
      invitations: await pendingInvitations(),
      security: {
        staffTwoFactorRequired: ctx.tenant.access.staffTwoFactorRequired,
        staffIpRanges: ctx.tenant.access.staffIpRanges.join('\n'),
        currentIp: ctx.request.ip(),
      },
      grantable: await grantable(actor.scopes ?? new Map(), actor.ceiling),
      can: { roles: actor.permissions.has('access.roles.manage'), subtree: canSubtree },
    })
  }

  async assign(ctx: HttpContext) {
    await authorize(ctx, 'access.users.manage')
    // Someone of another tenant (or nobody): 404 before anything else.
    const id = idParam(ctx.params.id)
    const user = id ? await User.query().where('id', id).first() : null
    if (!user) throw notFound()
    const { roleId } = await validateTranslated(ctx, assignValidator)
    const result = await new AssignRole().handle(await actorOf(ctx), user.id, roleId)
    if (!result.ok) return refuseForm(ctx, 'roleId', `ui.access.errors.${result.error}`)
    return acceptForm(ctx, urlFor('cabinet.people.index'), 'ui.access.role_assigned')
  }
}
