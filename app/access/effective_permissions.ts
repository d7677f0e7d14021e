import { staffGrants, type Grants, type RoleGrantRow } from '#app/access/grants'
import UserRole from '#app/access/models/user_role'
import Role from '#app/tenancy/models/role'
import type { ResolvedTenant } from '#app/tenancy/tenant_registry'

/*
 * What a staff member may do in its tenant right now: the union of its roles' grants, cut to
 * the tenant's live ceiling (roles may name more than a shrunk package allows). One query.
 */
export async function effectiveGrants(
  tenant: Pick<ResolvedTenant, 'id' | 'access'>,
  userId: number
): Promise<Grants> {
  // Every signed-in request: the model's query (tenant filter by construction) as plain rows.
  const rows = await UserRole.query()
    .join('roles', (join) => {
      join.on('roles.tenant_id', 'user_roles.tenant_id').andOn('roles.id', 'user_roles.role_id')
    })
    .where('user_roles.user_id', userId)
    .select('roles.permissions', 'roles.scopes')
    .pojo<RoleGrantRow>()
  return staffGrants(rows, tenant.access.ceiling)
}

/** The permission keys of effectiveGrants(), whatever their scope. */
export async function effectivePermissions(
  tenant: Pick<ResolvedTenant, 'id' | 'access'>,
  userId: number
): Promise<Set<string>> {
  return new Set((await effectiveGrants(tenant, userId)).keys())
}

export interface CompanyMembership {
  clientId: number
  name: string
  roleId: number
  permissions: string[]
}

/*
 * A client user's holding: every client it acts for, with the role it holds there. One query;
 * the portal re-scopes to one of them at a time (the active company).
 */
export async function companyMemberships(userId: number): Promise<CompanyMembership[]> {
  // Every signed-in client request: one query, as plain rows. The role's model carries the
  // tenant filter (each membership has exactly one role, so the rows are the memberships); the
  // joins keep every side in the same tenant.
  const rows = await Role.query()
    .join('client_memberships as m', (join) => {
      join.on('m.tenant_id', 'roles.tenant_id').andOn('m.role_id', 'roles.id')
    })
    .join('clients as c', (join) => {
      join.on('c.tenant_id', 'm.tenant_id').andOn('c.id', 'm.client_id')
    })
    .where('m.user_id', userId)
    .orderBy('c.name')
    .orderBy('c.id')
    .select('m.client_id', 'c.name', 'm.role_id', 'roles.permissions')
    .pojo<{ client_id: number; name: string; role_id: number; permissions: string[] }>()
  return rows.map((row) => ({
    clientId: row.client_id,
    name: row.name,
    roleId: row.role_id,
    permissions: row.permissions,
  }))
}
