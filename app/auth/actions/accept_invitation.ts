/*
 * Accepting an invitation: the token decides e-mail, company and role; the person chooses a
 * name and a password. Refused when the e-mail or company typed differ from what the token is
 * bound to, when the token is spent or expired, or when the inviter no longer holds what the
 * role gives (the delegation rule, checked again now).
 */
import hash from '@adonisjs/core/services/hash'
import { DateTime } from 'luxon'
import { checkGrant } from '#app/access/delegation'
import { effectivePermissions } from '#app/access/effective_permissions'
import { findUsableToken, spendToken, type TokenRow } from '#app/auth/tokens'
import { passwordProblem, type PasswordProblem } from '#app/auth/password_policy'
import User from '#app/auth/models/user'
import Role from '#app/tenancy/models/role'
import UserRole from '#app/access/models/user_role'
import Client from '#app/clients/models/client'
import type { ResolvedTenant } from '#app/tenancy/tenant_registry'
import ClientMembership from '#app/clients/models/client_membership'

export type AcceptError =
  | 'invalid_token'
  | 'email_mismatch'
  | 'company_mismatch'
  | 'email_taken'
  | 'inviter_lacks_role'
  | PasswordProblem

export interface InvitationView {
  email: string
  fullName: string
  audience: 'staff' | 'client'
  companyName: string | null
}

/** What the invitation page shows to the holder of a live token (nothing otherwise). */
export async function viewInvitation(token: string): Promise<InvitationView | null> {
  const row = await findUsableToken('invitation', token)
  if (!row || !row.email) return null
  const client = row.clientId ? await Client.find(row.clientId) : null
  return {
    email: row.email,
    fullName: String(row.payload?.fullName ?? ''),
    audience: row.payload?.audience === 'client' ? 'client' : 'staff',
    companyName: client?.name ?? null,
  }
}

async function inviterStillMay(tenant: ResolvedTenant, row: TokenRow, role: Role) {
  // A new sub-agent's first administrator was invited from the parent, whose package check
  // already bounds this tenant's ceiling; the role only has to be a staff role of this tenant.
  if (row.payload?.firstAdmin === true) return role.audience === 'staff'
  if (!row.createdBy) return false
  const inviter = await User.query().where('id', row.createdBy).first()
  if (!inviter || inviter.status !== 'active') return false
  const permissions = await effectivePermissions(tenant, inviter.id)
  const needed = role.audience === 'staff' ? 'access.users.manage' : 'clients.members.manage'
  if (!permissions.has(needed)) return false
  const refused = await checkGrant(
    { permissions, ceiling: tenant.access.ceiling },
    role.permissions.filter((key) => tenant.access.ceiling.has(key)),
    `${role.audience}_role`
  )
  return refused === null
}

export class AcceptInvitation {
  async handle(
    tenant: ResolvedTenant,
    input: { token: string; email: string; companyId?: number; fullName: string; password: string }
  ): Promise<{ ok: true; user: User } | { ok: false; field: string; error: AcceptError }> {
    const row = await findUsableToken('invitation', input.token)
    if (!row || !row.email || !row.roleId) {
      return { ok: false, field: 'password', error: 'invalid_token' }
    }
    if (input.email.toLowerCase() !== row.email.toLowerCase()) {
      return { ok: false, field: 'email', error: 'email_mismatch' }
    }
    if (input.companyId !== undefined && input.companyId !== row.clientId) {
      return { ok: false, field: 'email', error: 'company_mismatch' }
    }
    const role = await Role.query().where('id', row.roleId).first()
    if (!role || !(await inviterStillMay(tenant, row, role))) {
      return { ok: false, field: 'email', error: 'inviter_lacks_role' }
    }
    if (await User.query().where('email', row.email).first()) {
      return { ok: false, field: 'email', error: 'email_taken' }
    }
    const problem = await passwordProblem(input.password, { email: row.email })
    if (problem) return { ok: false, field: 'password', error: problem }

    const user = await User.create({
      email: row.email,
      password: await hash.make(input.password),
      fullName: input.fullName,
      audience: role.audience,
      status: 'active',
      // The invitation came to this mailbox: following it confirms the address.
      emailVerifiedAt: DateTime.now(),
    })
    if (role.audience === 'staff') {
      await UserRole.create({ userId: user.id, roleId: role.id })
    } else {
      if (!row.clientId) throw new Error('A client invitation names the company it is for')
      await ClientMembership.create({ clientId: row.clientId, userId: user.id, roleId: role.id })
    }
    await spendToken(row.id)
    return { ok: true, user }
  }
}
