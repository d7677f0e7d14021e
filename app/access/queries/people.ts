/* Staff and client users of the current tenant with their roles: three queries, no N+1. */
import db from '@adonisjs/lucid/services/db'
import { requireTenantId } from '#core/database/tenant_context'
import type { Translated } from '#tenants/types'

export type PersonRow = {
  id: number
  fullName: string
  email: string
  audience: 'staff' | 'client'
  roleIds: number[]
}
export type RoleRow = {
  id: number
  name: Translated
  audience: 'staff' | 'client'
  permissions: string[]
}

export async function peopleAndRoles(): Promise<{ people: PersonRow[]; roles: RoleRow[] }> {
  const tenantId = requireTenantId('peopleAndRoles')
  // Sequential: the request's transaction is one client.
  const users = await db
    .from('users')
    .where('tenant_id', tenantId)
    .orderBy('full_name')
    .select('id', 'full_name', 'email', 'audience')
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
