/*
 * Holdings: staff link a client user to a client with a client role, or unlink it. The role is
 * checked by the delegation rule for client roles (ADR 0008): known, client-scoped, inside the
 * tenant's ceiling. The user sees the change on its very next request.
 */
import { currentTenantScope, requireTenantId } from '#app/core/database/tenant_context'
import { checkGrant, type Actor } from '#app/access/delegation'
import Role from '#app/tenancy/models/role'
import User from '#app/auth/models/user'
import Client from '#app/clients/models/client'
import ClientMembership from '#app/clients/models/client_membership'

export type MemberError =
  | 'not_allowed'
  | 'client_not_found'
  | 'user_not_found'
  | 'role_not_found'
  | 'unknown_permission'
  | 'beyond_ceiling'
  | 'beyond_actor'
  | 'staff_permission_for_client'
  | 'membership_not_found'

export type MemberResult =
  | {
      ok: true
      userId: number
      before: { roleId: number } | null
      after: { roleId: number } | null
    }
  | { ok: false; error: MemberError }

function scope() {
  const trx = currentTenantScope()?.trx
  if (!trx) throw new Error('Client members change inside a tenant transaction')
  return { trx, tenantId: requireTenantId('client members') }
}

async function existingMembership(clientId: number, userId: number) {
  const row = await ClientMembership.query()
    .where({ client_id: clientId, user_id: userId })
    .forUpdate()
    .first()
  return row ? { roleId: Number(row.roleId) } : null
}

export class LinkClientMember {
  async handle(
    actor: Actor,
    clientId: number,
    input: { email: string; roleId: number }
  ): Promise<MemberResult> {
    if (!actor.permissions.has('clients.members.manage')) return { ok: false, error: 'not_allowed' }
    const { trx, tenantId } = scope()
    if (!(await Client.find(clientId))) return { ok: false, error: 'client_not_found' }
    const user = await User.query().where('email', input.email).where('audience', 'client').first()
    if (!user) return { ok: false, error: 'user_not_found' }
    const role = await Role.query().where('id', input.roleId).where('audience', 'client').first()
    if (!role) return { ok: false, error: 'role_not_found' }
    const refused = await checkGrant(
      actor,
      role.permissions.filter((key) => actor.ceiling.has(key)),
      'client_role'
    )
    if (refused) return { ok: false, error: refused }
    const before = await existingMembership(clientId, user.id)
    // An upsert is a set operation (ADR 0023 §3): explicit SQL in the tenant transaction.
    await trx
      .table('client_memberships')
      .insert({ tenant_id: tenantId, client_id: clientId, user_id: user.id, role_id: role.id })
      .onConflict(['tenant_id', 'client_id', 'user_id'])
      .merge(['role_id'])
    return { ok: true, userId: user.id, before, after: { roleId: role.id } }
  }
}

export class UnlinkClientMember {
  async handle(actor: Actor, clientId: number, userId: number): Promise<MemberResult> {
    if (!actor.permissions.has('clients.members.manage')) return { ok: false, error: 'not_allowed' }
    const before = await existingMembership(clientId, userId)
    if (!before) return { ok: false, error: 'membership_not_found' }
    await ClientMembership.query().where({ client_id: clientId, user_id: userId }).delete()
    return { ok: true, userId, before, after: null }
  }
}
