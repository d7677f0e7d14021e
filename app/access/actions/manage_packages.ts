/*
 * Permission packages an agent defines for its sub-agents, and sub-agents themselves, under
 * the delegation rule: a package (and so a sub-agent's ceiling) never holds more than the
 * actor holds at its own node.
 */
import { currentTenantScope } from '#app/core/database/tenant_context'
import { intersect, isWithin } from '#app/access/ceiling'
import { actorBound, checkGrant } from '#app/access/delegation'
import { ProvisionTenant } from '#app/platform/actions/provision_tenant'
import { invalidateRegistryAfterCommit } from '#app/tenancy/registry_invalidation'
import type { Actor } from '#app/access/delegation'
import type Tenant from '#app/tenancy/models/tenant'
import type { TenantKind } from '#tenants/types'

export interface TenantActor extends Actor {
  tenantId: number
  kind: TenantKind
}

export type PackageError =
  | 'not_allowed'
  | 'unknown_permission'
  | 'beyond_ceiling'
  | 'beyond_actor'
  | 'package_not_found'
  | 'name_taken'
  | 'staff_permission_for_client'

function scope() {
  const trx = currentTenantScope()?.trx
  if (!trx) throw new Error('Packages are changed inside a tenant transaction')
  return trx
}

export class SavePackage {
  async handle(
    actor: TenantActor,
    input: { id?: number; name: string; permissions: string[] }
  ): Promise<{ ok: true; id: number } | { ok: false; error: PackageError }> {
    if (!actor.permissions.has('access.packages.manage')) return { ok: false, error: 'not_allowed' }
    const trx = scope()
    const permissions = [...new Set(input.permissions)].sort()
    const refused = await checkGrant(actor, permissions, 'package')
    if (refused) return { ok: false, error: refused }
    const clash = await trx
      .from('permission_packages')
      .where('owner_tenant_id', actor.tenantId)
      .where('name', input.name)
      .if(input.id !== undefined, (query) => query.whereNot('id', input.id!))
      .first()
    if (clash) return { ok: false, error: 'name_taken' }
    if (input.id === undefined) {
      const [row] = await trx
        .table('permission_packages')
        .insert({ owner_tenant_id: actor.tenantId, name: input.name, permissions })
        .returning('id')
      return { ok: true, id: Number(row.id) }
    }
    const updated = await trx
      .from('permission_packages')
      .where('id', input.id)
      .where('owner_tenant_id', actor.tenantId)
      .update({ name: input.name, permissions, updated_at: new Date() })
    if (!updated) return { ok: false, error: 'package_not_found' }
    await invalidateRegistryAfterCommit()
    return { ok: true, id: input.id }
  }
}

export type SubAgentError = PackageError | 'slug_taken'

export class CreateSubAgent {
  async handle(
    actor: TenantActor,
    input: { slug: string; name: string; packageId: number }
  ): Promise<{ ok: true; tenant: Tenant } | { ok: false; error: SubAgentError }> {
    if (!actor.permissions.has('access.subagents.manage'))
      return { ok: false, error: 'not_allowed' }
    const trx = scope()
    const pkg = await trx
      .from('permission_packages')
      .where('id', input.packageId)
      .where('owner_tenant_id', actor.tenantId)
      .first()
    if (!pkg) return { ok: false, error: 'package_not_found' }
    // What the sub-agent could ever hold: its package inside our own ceiling.
    const resulting = intersect(new Set<string>(pkg.permissions), actor.ceiling)
    if (!isWithin(await actorBound(resulting, 'package'), actor.permissions)) {
      return { ok: false, error: 'beyond_actor' }
    }
    const result = await new ProvisionTenant().handle({
      parentId: actor.tenantId,
      kind: actor.kind,
      slug: input.slug,
      name: input.name,
      packageId: Number(pkg.id),
    })
    if (!result.ok) {
      return { ok: false, error: result.error === 'slug_taken' ? 'slug_taken' : 'not_allowed' }
    }
    return { ok: true, tenant: result.tenant }
  }
}
