import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import { authorize } from '#app/access/authorization'
import { validateTranslated, idField } from '#app/core/http/validation'
import { acceptForm, refuseForm } from '#app/core/http/form_outcome'
import { actorOf } from '#app/access/actor'
import { AssignRole, SaveRole } from '#app/access/actions/manage_roles'
import { grantable } from '#app/access/queries/sub_agents'
import { networkPeople, peopleAndRoles, pendingInvitations } from '#app/access/queries/people'
import app from '@adonisjs/core/services/app'
import { inSubtree } from '#app/access/subtree'
import { withSubtreeReads } from '#app/core/database/subtree'
import { asTenant } from '#app/core/database/tenant_context'
import User from '#app/auth/models/user'
import { SetUserStatus } from '#app/access/actions/set_user_status'
import { idParam, notFound } from '#app/core/http/params'
import { recordAudit } from '#app/audit/audit'
import db from '@adonisjs/lucid/services/db'
import { IpRanges } from '#app/tenancy/trusted_proxies'
import { invalidateRegistryAfterCommit } from '#app/tenancy/registry_invalidation'

const securityValidator = vine.create({
  staffTwoFactorRequired: vine.boolean(),
  /** One address or IPv4 range per line; empty: any. */
  staffIpRanges: vine.string().trim().maxLength(2000).optional(),
})
const statusValidator = vine.create({
  status: vine.enum(['active', 'disabled'] as const),
  tenantId: idField().optional(),
})
const assignValidator = vine.create({ roleId: idField() })
const roleValidator = vine.create({
  name: vine.string().trim().minLength(2).maxLength(80),
  audience: vine.enum(['staff', 'client'] as const),
  permissions: vine.array(vine.string().trim().maxLength(120)).maxLength(500),
  /** Permissions given for the whole subtree (the rest are `own`). */
  subtree: vine.array(vine.string().trim().maxLength(120)).maxLength(500).optional(),
})

/* People of this tenant, its roles, and who holds which: under the delegation rule. */
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
    return ctx.inertia.render('cabinet/people', {
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
    return acceptForm(ctx, '/cabinet/people', 'ui.access.role_assigned')
  }

  async setStatus(ctx: HttpContext) {
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
    const back = tenant.id === ctx.tenant.id ? '/cabinet/people' : '/cabinet/people?scope=subtree'
    return acceptForm(ctx, back, `ui.access.user_${status}`)
  }

  /** This tenant's own sign-in policy: a second factor for every staff member, or not. */
  async updateSecurity(ctx: HttpContext) {
    await authorize(ctx, 'access.users.manage')
    const input = await validateTranslated(ctx, securityValidator)
    const ranges = (input.staffIpRanges ?? ctx.tenant.access.staffIpRanges.join('\n'))
      .split(/[\s,]+/)
      .map((entry) => entry.trim())
      .filter(Boolean)
    const invalid = ranges.find((entry) => !IpRanges.isValidEntry(entry))
    if (invalid) {
      return refuseForm(ctx, 'staffIpRanges', 'ui.security.errors.invalid_range', {
        entry: invalid,
      })
    }
    // Nobody saves a list that would shut out the very request saving it.
    if (ranges.length && !new IpRanges(ranges).contains(ctx.request.ip())) {
      return refuseForm(ctx, 'staffIpRanges', 'ui.security.errors.would_lock_out', {
        ip: ctx.request.ip(),
      })
    }
    const before = {
      staffTwoFactorRequired: ctx.tenant.access.staffTwoFactorRequired,
      staffIpRanges: [...ctx.tenant.access.staffIpRanges],
    }
    await db.from('tenants').where('id', ctx.tenant.id).update({
      staff_two_factor_required: input.staffTwoFactorRequired,
      staff_ip_ranges: ranges,
      updated_at: new Date(),
    })
    await invalidateRegistryAfterCommit()
    await recordAudit(ctx, {
      action: 'access.security_updated',
      subjectType: 'tenant',
      subjectId: ctx.tenant.id,
      before,
      after: { staffTwoFactorRequired: input.staffTwoFactorRequired, staffIpRanges: ranges },
    })
    return acceptForm(ctx, '/cabinet/people', 'ui.two_factor.security_saved')
  }

  async storeRole(ctx: HttpContext) {
    await authorize(ctx, 'access.roles.manage')
    const input = await validateTranslated(ctx, roleValidator)
    const result = await new SaveRole().handle(await actorOf(ctx), {
      key: `custom_${Date.now().toString(36)}`,
      name: { en: input.name, ru: input.name, fa: input.name },
      audience: input.audience,
      permissions: input.permissions,
      scopes: Object.fromEntries((input.subtree ?? []).map((key) => [key, 'subtree' as const])),
    })
    if (!result.ok) return refuseForm(ctx, 'permissions', `ui.access.errors.${result.error}`)
    return acceptForm(ctx, '/cabinet/people', 'ui.access.role_saved', { id: result.role.id })
  }
}
