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
import Client from '#app/clients/models/client'
import LinkRequest from '#app/clients/models/link_request'
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

function pendingRequest(id: number) {
  return LinkRequest.query().where({ id, status: 'pending' }).forUpdate().first()
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
    const user = await User.query().where('id', request.userId).first()
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
      if (!(await Client.find(clientId))) return { ok: false, error: 'client_not_found' }
    } else {
      const created = await new CreateClient().handle(request.company as CreateClientInput)
      if (!created.ok) return { ok: false, error: 'identifier_taken' }
      clientId = created.id
    }
    // An upsert is a set operation (ADR 0023 §3): explicit SQL in the tenant transaction.
    await trx
      .table('client_memberships')
      .insert({ tenant_id: tenantId, client_id: clientId, user_id: user.id, role_id: role.id })
      .onConflict(['tenant_id', 'client_id', 'user_id'])
      .merge(['role_id'])
    await LinkRequest.query().where('id', requestId).update({
      status: 'approved',
      client_id: clientId,
      decided_by: actor.userId,
      decided_at: new Date(),
    })
    const client = await Client.findOrFail(clientId)
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
    const request = await pendingRequest(requestId)
    if (!request) return { ok: false, error: 'request_not_found' }
    await LinkRequest.query()
      .where('id', requestId)
      .update({ status: 'rejected', decided_by: actor.userId, decided_at: new Date() })
    await notify('clients.link_rejected', {
      userIds: [request.userId],
      params: { company: String(request.company?.name ?? '') },
    })
    return { ok: true, userId: request.userId, clientId: null }
  }
}
