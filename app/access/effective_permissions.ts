import { currentTenantScope, requireTenantId } from '#app/core/database/tenant_context'
import { staffGrants, type Grants, type RoleGrantRow } from '#app/access/grants'
import type { ResolvedTenant } from '#app/tenancy/tenant_registry'

/*
 * What a staff member may do in its tenant right now: the union of its roles' grants, cut to
 * the tenant's live ceiling (roles may name more than a shrunk package allows). One query.
 */
export async function effectiveGrants(
  tenant: Pick<ResolvedTenant, 'id' | 'access'>,
  userId: number
): Promise<Grants> {
  const trx = currentTenantScope()?.trx
  if (!trx) throw new Error('effectivePermissions runs inside a tenant transaction')
  const rows = (await trx
    .from('user_roles')
    .join('roles', (join) => {
      join.on('roles.tenant_id', 'user_roles.tenant_id').andOn('roles.id', 'user_roles.role_id')
    })
    .where('user_roles.tenant_id', requireTenantId('effectivePermissions'))
    .where('user_roles.user_id', userId)
    .select('roles.permissions', 'roles.scopes')) as RoleGrantRow[]
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
  const trx = currentTenantScope()?.trx
  if (!trx) throw new Error('companyMemberships runs inside a tenant transaction')
  const tenantId = requireTenantId('companyMemberships')
  const rows = (await trx
    .from('client_memberships as m')
    .join('clients as c', (join) => {
      join.on('c.tenant_id', 'm.tenant_id').andOn('c.id', 'm.client_id')
    })
    .join('roles as r', (join) => {
      join.on('r.tenant_id', 'm.tenant_id').andOn('r.id', 'm.role_id')
    })
    .where('m.tenant_id', tenantId)
    .where('m.user_id', userId)
    .orderBy('c.name')
    .orderBy('c.id')
    .select('m.client_id', 'c.name', 'm.role_id', 'r.permissions')) as Array<{
    client_id: number
    name: string
    role_id: number
    permissions: string[]
  }>
  return rows.map((row) => ({
    clientId: row.client_id,
    name: row.name,
    roleId: row.role_id,
    permissions: row.permissions,
  }))
}
