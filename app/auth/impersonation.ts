/*
 * An impersonated session lives only as long as the impersonation is still allowed (issue #11
 * §2, SECURITY A8). Every request of such a session checks, in the impersonator's own tenant
 * (re-scoped on the request's transaction, no second connection), that the impersonator is
 * still active, still signed in with the session that started it (not signed out, not expired)
 * and still holds `access.users.impersonate` with a scope that reaches this tenant. Any of these
 * gone, and the impersonated session ends at that request.
 */
import app from '@adonisjs/core/services/app'
import { asTenant } from '#app/core/database/tenant_context'
import { effectiveGrants } from '#app/access/effective_permissions'
import { inSubtree } from '#app/access/subtree'
import { sessionExpired, type SessionRow } from '#app/auth/user_sessions'
import User from '#app/auth/models/user'

/** Kept in the impersonated session: who is acting, from which session, and where to go back. */
export const IMPERSONATION_KEY = 'impersonation'
export interface ImpersonationInfo {
  byUserId: number
  byName: string
  byTenantId: number
  /** The impersonator's own session row; sessions started before it was kept have none. */
  bySessionRef?: string
  returnUrl: string
}

export async function impersonatorStillActs(
  info: ImpersonationInfo | undefined,
  targetTenantId: number
): Promise<boolean> {
  if (!info?.bySessionRef || !Number.isInteger(info.byTenantId)) return false
  const registry = await app.container.make('tenancy.registry')
  const [home, target] = await Promise.all([
    registry.tenant(info.byTenantId),
    registry.tenant(targetTenantId),
  ])
  if (!home || !target || home.status !== 'active') return false
  return asTenant(home.id, async () => {
    // In the impersonator's tenant (asTenant above): the user's model filters on it.
    const row = await User.query()
      .join('user_sessions as s', (join) => {
        join.on('s.tenant_id', 'users.tenant_id').andOn('s.user_id', 'users.id')
      })
      .where('users.id', info.byUserId)
      .where('s.id', info.bySessionRef!)
      .select('users.status', 's.user_id', 's.impersonator_user_id', 's.created_at')
      .select('s.last_seen_at', 's.revoked_at')
      .pojo<SessionRow & { status: string }>()
      .first()
    if (!row || row.status !== 'active' || row.revoked_at || sessionExpired(row)) return false
    const scope = (await effectiveGrants(home, info.byUserId)).get('access.users.impersonate')
    if (!scope) return false
    return target.id === home.id || (scope === 'subtree' && inSubtree(home, target))
  })
}
