/*
 * Impersonation (SECURITY A8, ARCHITECTURE §6). Platform staff (any tenant) and agent staff
 * (their own subtree) with `access.users.impersonate` may act as a person of lower rank:
 *  - the target is in the actor's subtree (its own tenant or a descendant);
 *  - nobody who may impersonate can be impersonated (equal rank);
 *  - in the actor's own tenant, the target holds strictly less than the actor.
 * Starting it issues a one-time token valid 60 s, stored in the target tenant, to be spent on
 * the target's primary domain (app/auth/controllers/impersonation_controller.ts).
 */
import app from '@adonisjs/core/services/app'
import { isWithin } from '#app/access/ceiling'
import { inSubtree } from '#app/access/subtree'
import { effectivePermissions } from '#app/access/effective_permissions'
import { issueToken } from '#app/auth/tokens'
import { asTenant } from '#app/core/database/tenant_context'
import { tenantUrl } from '#app/mail/public_url'
import User from '#app/auth/models/user'
import type { ResolvedTenant } from '#app/tenancy/tenant_registry'

export type ImpersonationError =
  'not_allowed' | 'tenant_not_found' | 'user_not_found' | 'self' | 'not_lower_rank'

export interface Impersonator {
  userId: number
  fullName: string
  tenant: ResolvedTenant
  permissions: ReadonlySet<string>
  /** The scope of the actor's impersonation grant: `subtree` reaches sub-agents. */
  scope: 'own' | 'subtree' | 'companies' | undefined
  /** The actor's own session: signing it out ends the impersonation too. */
  sessionRef: string
}

export class StartImpersonation {
  async handle(
    actor: Impersonator,
    target: { tenantId: number; userId: number },
    returnPath: string
  ): Promise<
    { ok: true; url: string; tenant: ResolvedTenant } | { ok: false; error: ImpersonationError }
  > {
    if (!actor.permissions.has('access.users.impersonate')) {
      return { ok: false, error: 'not_allowed' }
    }
    const registry = await app.container.make('tenancy.registry')
    const tenant = await registry.tenant(target.tenantId)
    const reachable =
      !!tenant &&
      (tenant.id === actor.tenant.id ||
        (actor.scope === 'subtree' && inSubtree(actor.tenant, tenant)))
    if (!tenant || tenant.status !== 'active' || !reachable) {
      return { ok: false, error: 'tenant_not_found' }
    }
    const sameTenant = tenant.id === actor.tenant.id
    if (sameTenant && target.userId === actor.userId) return { ok: false, error: 'self' }
    const outcome = await asTenant(
      tenant.id,
      async (): Promise<{ error: ImpersonationError } | { token: string }> => {
        const user = await User.query().where('id', target.userId).first()
        if (!user || user.status !== 'active') return { error: 'user_not_found' }
        if (user.audience === 'staff') {
          const theirs = await effectivePermissions(tenant, user.id)
          if (theirs.has('access.users.impersonate')) return { error: 'not_lower_rank' }
          const strictlyLess =
            isWithin(theirs, actor.permissions) && theirs.size < actor.permissions.size
          if (sameTenant && !strictlyLess) return { error: 'not_lower_rank' }
        }
        const { token } = await issueToken('impersonation', {
          userId: user.id,
          createdBy: actor.userId,
          payload: {
            impersonatorUserId: actor.userId,
            impersonatorTenantId: actor.tenant.id,
            impersonatorName: actor.fullName,
            impersonatorSessionRef: actor.sessionRef,
            returnUrl: tenantUrl(actor.tenant, returnPath),
          },
        })
        return { token }
      }
    )
    if ('error' in outcome) return { ok: false, error: outcome.error }
    return { ok: true, url: tenantUrl(tenant, `/impersonate/${outcome.token}`), tenant }
  }
}

/** People of a tenant in the actor's subtree, for choosing whom to act as. */
export async function impersonationCandidates(tenant: ResolvedTenant) {
  return asTenant(tenant.id, async () => {
    const users = await User.query().where('status', 'active').orderBy('full_name').limit(200)
    return users.map((user) => ({
      id: user.id,
      fullName: user.fullName,
      email: user.email,
      audience: user.audience,
    }))
  })
}
