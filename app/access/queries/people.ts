/* Staff and client users of the current tenant with their roles: three queries, no N+1. */
import db from '@adonisjs/lucid/services/db'
import User from '#app/auth/models/user'
import UserToken from '#app/auth/models/user_token'
import UserRole from '#app/access/models/user_role'
import Role from '#app/tenancy/models/role'
import type { Translated } from '#app/core/i18n/locales'
import type { InvitationRow } from '#app/access/pages'
import type { NetworkPersonRow } from '#app/access/pages'
import type { PersonRow } from '#app/access/pages'
import type { RoleRow } from '#app/access/pages'
export type { RoleRow }
export type { PersonRow }
export type { NetworkPersonRow }
export type { InvitationRow }

/** Invitations sent and neither accepted, withdrawn nor expired. */
export async function pendingInvitations(): Promise<InvitationRow[]> {
  const rows = await UserToken.query()
    .leftJoin('clients as c', (join) => {
      join.on('c.tenant_id', 'user_tokens.tenant_id').andOn('c.id', 'user_tokens.client_id')
    })
    .where('user_tokens.purpose', 'invitation')
    .whereNull('user_tokens.used_at')
    .where('user_tokens.expires_at', '>', new Date())
    .orderBy('user_tokens.id', 'desc')
    .limit(200)
    .select('user_tokens.id', 'user_tokens.email', 'user_tokens.payload', 'user_tokens.role_id')
    .select('user_tokens.expires_at', 'c.name as client_name')
    .pojo<{
      id: number
      email: string
      payload: { fullName?: unknown; audience?: unknown } | null
      role_id: number | null
      expires_at: Date | string
      client_name: string | null
    }>()
  return rows.map((row): InvitationRow => ({
    id: row.id,
    email: row.email,
    fullName: String(row.payload?.fullName ?? ''),
    audience: row.payload?.audience === 'client' ? 'client' : 'staff',
    roleId: row.role_id,
    clientName: row.client_name,
    expiresAt: new Date(row.expires_at).toISOString(),
  }))
}

export async function peopleAndRoles(): Promise<{ people: PersonRow[]; roles: RoleRow[] }> {
  // Sequential: the request's transaction is one client. Lists: the models' queries as rows.
  const users = await User.query()
    .orderBy('full_name')
    .select('id', 'full_name', 'email', 'audience', 'status')
    .pojo<{
      id: number
      full_name: string
      email: string
      audience: PersonRow['audience']
      status: PersonRow['status']
    }>()
  const roles = await Role.query()
    .orderBy('id')
    .select('id', 'name', 'audience', 'permissions')
    .pojo<{ id: number; name: Translated; audience: RoleRow['audience']; permissions: string[] }>()
  const grants = await UserRole.query()
    .select('user_id', 'role_id')
    .pojo<{ user_id: number; role_id: number }>()
  const byUser = new Map<number, number[]>()
  for (const grant of grants) {
    byUser.set(grant.user_id, [...(byUser.get(grant.user_id) ?? []), grant.role_id])
  }
  return {
    people: users.map((user) => ({
      id: user.id,
      fullName: user.full_name,
      email: user.email,
      audience: user.audience,
      status: user.status,
      roleIds: byUser.get(user.id) ?? [],
    })),
    roles: roles.map((role) => ({
      id: role.id,
      name: role.name,
      audience: role.audience,
      permissions: role.permissions,
    })),
  }
}

/**
 * The people of a whole subtree (inside withSubtreeReads), business by business, by the
 * tenants' ids (leakproof, index-driven: ADR 10). Roles stay each business's own affair.
 */
export async function networkPeople(subtree: { path: string; tenantIds: number[] }) {
  // SQL, not the model: it reads many tenants at once (ADR 0023 §4), walled by the subtree policy.
  const rows = await db
    .from('users')
    .whereRaw('tenant_id = any(?::bigint[])', [subtree.tenantIds])
    .whereRaw('tenant_path <@ ?::ltree', [subtree.path])
    .orderBy('tenant_id')
    .orderBy('full_name')
    .limit(500)
    .select('id', 'tenant_id', 'full_name', 'email', 'audience', 'status')
  return rows.map((row): NetworkPersonRow => ({
    id: row.id,
    tenantId: row.tenant_id,
    fullName: row.full_name,
    email: row.email,
    audience: row.audience,
    status: row.status,
  }))
}
