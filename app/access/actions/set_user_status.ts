/*
 * Disabling (or re-enabling) a person of this tenant. Disabling ends every session at once
 * (SECURITY A7: the next request of each is refused). Nobody disables themselves, nor someone
 * who holds a permission they lack (the delegation rule read the other way round).
 */
import { isWithin } from '#app/access/ceiling'
import type { Actor } from '#app/access/delegation'
import { effectivePermissions } from '#app/access/effective_permissions'
import { revokeAllSessions } from '#app/auth/user_sessions'
import User from '#app/auth/models/user'
import type { ResolvedTenant } from '#app/tenancy/tenant_registry'

export type StatusResult =
  | { ok: true; before: string; endedSessions: number }
  | { ok: false; error: 'not_allowed' | 'user_not_found' | 'self' | 'stronger_user' }

export class SetUserStatus {
  async handle(
    actor: Actor,
    tenant: Pick<ResolvedTenant, 'id' | 'access'>,
    userId: number,
    status: 'active' | 'disabled'
  ): Promise<StatusResult> {
    if (!actor.permissions.has('access.users.manage')) return { ok: false, error: 'not_allowed' }
    const user = await User.query().where('id', userId).forUpdate().first()
    if (!user) return { ok: false, error: 'user_not_found' }
    if (user.id === actor.userId) return { ok: false, error: 'self' }
    if (user.audience === 'staff') {
      const theirs = await effectivePermissions(tenant, user.id)
      if (!isWithin(theirs, actor.permissions)) return { ok: false, error: 'stronger_user' }
    }
    const before = user.status
    user.status = status
    await user.save()
    const endedSessions = status === 'disabled' ? await revokeAllSessions(user.id) : 0
    return { ok: true, before, endedSessions }
  }
}
