import { currentTenantScope, requireTenantId } from '#core/database/tenant_context'
import type { ResolvedTenant } from '#tenancy/tenant_registry'

/*
 * What a user may do in its tenant right now: the union of its roles' permissions, cut to
 * the tenant's live ceiling (roles may name more than a shrunk package allows).
 */
export async function effectivePermissions(
  tenant: Pick<ResolvedTenant, 'id' | 'ceiling'>,
  userId: number
): Promise<Set<string>> {
  const trx = currentTenantScope()?.trx
  if (!trx) throw new Error('effectivePermissions runs inside a tenant transaction')
  const rows = (await trx
    .from('user_roles')
    .join('roles', (join) => {
      join.on('roles.tenant_id', 'user_roles.tenant_id').andOn('roles.id', 'user_roles.role_id')
    })
    .where('user_roles.tenant_id', requireTenantId('effectivePermissions'))
    .where('user_roles.user_id', userId)
    .select('roles.permissions')) as Array<{ permissions: string[] }>
  const permissions = new Set<string>()
  for (const row of rows) {
    for (const permission of row.permissions) {
      if (tenant.ceiling.has(permission)) permissions.add(permission)
    }
  }
  return permissions
}
