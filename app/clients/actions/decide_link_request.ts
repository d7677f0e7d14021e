/*
 * Staff decide on a person's request to act for a company (self-registration, or a signed-in
 * client asking for one more company): approve — linking it to an existing client or to one
 * created from the details typed — with a client role, or reject. Either way the person is
 * notified (in the portal and, unless they switched it off, by e-mail). Only confirmed accounts (e-mail and phone) can be approved.
 */
import { checkGrant, type Actor, type GrantError } from '#app/access/delegation'
import { CreateClient } from '#app/clients/actions/create_client'
import { currentTenantScope, requireTenantId } from '#app/core/database/tenant_context'
import { notify } from '#app/notifications/notify'
import User from '#app/auth/models/user'
import Role from '#app/tenancy/models/role'
import type { CreateClientInput } from '#app/clients/actions/create_client'

export type DecisionError =
  | 'not_allowed'
  | 'request_not_found'
  | 'not_confirmed'
  | 'role_not_found'
  | 'client_not_found'
  | 'identifier_taken'
  | GrantError

type Decision =
  { ok: true; userId: number; clientId: number | null } | { ok: false; error: DecisionError }

function scope() {
  const trx = currentTenantScope()?.trx
  if (!trx) throw new Error('Link requests are decided inside a tenant transaction')
  return { trx, tenantId: requireTenantId('link requests') }
}

async function pendingRequest(id: number) {
  const { trx, tenantId } = scope()
  return trx
    .from('link_requests')
    .where({ tenant_id: tenantId, id, status: 'pending' })
    .forUpdate()
    .first()
}

export class ApproveLinkRequest {
  async handle(
    actor: Actor,
    requestId: number,
    input: { roleId: number; clientId?: number }
  ): Promise<Decision> {
    if (!actor.permissions.has('clients.members.manage')) return { ok: false, error: 'not_allowed' }
    const { trx, tenantId } = scope()
    const request = await pendingRequest(requestId)
    if (!request) return { ok: false, error: 'request_not_found' }
    const user = await User.query().where('id', request.user_id).first()
    if (!user || user.status !== 'active') return { ok: false, error: 'not_confirmed' }
    const role = await Role.query().where('id', input.roleId).where('audience', 'client').first()
    if (!role) return { ok: false, error: 'role_not_found' }
    const refused = await checkGrant(
      actor,
      role.permissions.filter((key) => actor.ceiling.has(key)),
      'client_role'
    )
    if (refused) return { ok: false, error: refused }

    let clientId = input.clientId ?? null
    if (clientId) {
      const client = await trx.from('clients').where({ tenant_id: tenantId, id: clientId }).first()
      if (!client) return { ok: false, error: 'client_not_found' }
    } else {
      const created = await new CreateClient().handle(request.company as CreateClientInput)
      if (!created.ok) return { ok: false, error: 'identifier_taken' }
      clientId = created.id
    }
    await trx
      .table('client_memberships')
      .insert({ tenant_id: tenantId, client_id: clientId, user_id: user.id, role_id: role.id })
      .onConflict(['tenant_id', 'client_id', 'user_id'])
      .merge(['role_id'])
    await trx.from('link_requests').where({ tenant_id: tenantId, id: requestId }).update({
      status: 'approved',
      client_id: clientId,
      decided_by: actor.userId,
      decided_at: new Date(),
    })
    const client = await trx.from('clients').where({ tenant_id: tenantId, id: clientId }).first()
    await notify('clients.link_approved', {
      userIds: [user.id],
      params: { company: client.name },
      link: '/',
    })
    return { ok: true, userId: user.id, clientId }
  }
}

export class RejectLinkRequest {
  async handle(actor: Actor, requestId: number): Promise<Decision> {
    if (!actor.permissions.has('clients.members.manage')) return { ok: false, error: 'not_allowed' }
    const { trx, tenantId } = scope()
    const request = await pendingRequest(requestId)
    if (!request) return { ok: false, error: 'request_not_found' }
    await trx
      .from('link_requests')
      .where({ tenant_id: tenantId, id: requestId })
      .update({ status: 'rejected', decided_by: actor.userId, decided_at: new Date() })
    await notify('clients.link_rejected', {
      userIds: [request.user_id],
      params: { company: String(request.company?.name ?? '') },
    })
    return { ok: true, userId: request.user_id, clientId: null }
  }
}
