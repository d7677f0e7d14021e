/* Staff and client users of the current tenant with their roles: three queries, no N+1. */
import db from '@adonisjs/lucid/services/db'
import { requireTenantId } from '#app/core/database/tenant_context'
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
  const tenantId = requireTenantId('pendingInvitations')
  const rows = await db
    .from('user_tokens as t')
    .leftJoin('clients as c', (join) => {
      join.on('c.tenant_id', 't.tenant_id').andOn('c.id', 't.client_id')
    })
    .where('t.tenant_id', tenantId)
    .where('t.purpose', 'invitation')
    .whereNull('t.used_at')
    .where('t.expires_at', '>', new Date())
    .orderBy('t.id', 'desc')
    .limit(200)
    .select('t.id', 't.email', 't.payload', 't.role_id', 't.expires_at', 'c.name as client_name')
  return rows.map((row) => ({
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
  const tenantId = requireTenantId('peopleAndRoles')
  // Sequential: the request's transaction is one client.
  const users = await db
    .from('users')
    .where('tenant_id', tenantId)
    .orderBy('full_name')
    .select('id', 'full_name', 'email', 'audience', 'status')
  const roles = await db
    .from('roles')
    .where('tenant_id', tenantId)
    .orderBy('id')
    .select('id', 'name', 'audience', 'permissions')
  const grants = await db
    .from('user_roles')
    .where('tenant_id', tenantId)
    .select('user_id', 'role_id')
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
