import { urlFor } from '@adonisjs/core/services/url_builder'
import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import app from '@adonisjs/core/services/app'
import { authorize } from '#app/access/authorization'
import { validateTranslated, idField } from '#app/core/http/validation'
import { acceptForm, refuseForm } from '#app/core/http/form_outcome'
import { actorOf } from '#app/access/actor'
import { inSubtree } from '#app/access/subtree'
import { asTenant } from '#app/core/database/tenant_context'
import User from '#app/auth/models/user'
import { SetUserStatus } from '#app/access/actions/set_user_status'
import { idParam, notFound } from '#app/core/http/params'
import { recordAudit } from '#app/audit/audit'

const statusValidator = vine.create({
  status: vine.enum(['active', 'disabled'] as const),
  tenantId: idField().optional(),
})

/* Disabling or enabling a person of this tenant, or of a sub-agent with a subtree grant. */
export default class UserStatusController {
  async update(ctx: HttpContext) {
    await authorize(ctx, 'access.users.manage')
    const actor = await actorOf(ctx)
    // Someone of a sub-agent needs a subtree grant and a tenant below this one; anything
    // else (another tree, a parent, a plain id of another tenant) is a 404.
    const wanted = idParam(ctx.request.input('tenantId')) ?? ctx.tenant.id
    const registry = await app.container.make('tenancy.registry')
    const tenant = wanted === ctx.tenant.id ? ctx.tenant : await registry.tenant(wanted)
    const reachable =
      tenant &&
      (tenant.id === ctx.tenant.id ||
        (actor.scopes?.get('access.users.manage') === 'subtree' && inSubtree(ctx.tenant, tenant)))
    const id = idParam(ctx.params.id)
    const exists =
      reachable && id ? await asTenant(tenant.id, () => User.query().where('id', id).first()) : null
    if (!tenant || !exists) throw notFound()
    const { status } = await validateTranslated(ctx, statusValidator)
    const result = await asTenant(tenant.id, () =>
      new SetUserStatus().handle(actor, tenant, exists.id, status)
    )
    if (!result.ok) return refuseForm(ctx, 'status', `ui.access.errors.${result.error}`)
    await recordAudit(ctx, {
      action: status === 'disabled' ? 'access.user_disabled' : 'access.user_enabled',
      subjectType: 'user',
      subjectId: exists.id,
      before: { status: result.before },
      after: { status, endedSessions: result.endedSessions, tenantId: tenant.id },
    })
    const back =
      tenant.id === ctx.tenant.id
        ? urlFor('cabinet.people.index')
        : urlFor('cabinet.people.index', [], { qs: { scope: 'subtree' } })
    return acceptForm(ctx, back, `ui.access.user_${status}`)
  }
}
