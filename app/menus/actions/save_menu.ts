/*
 * Saving a tenant's menu for one audience (issue #4 §2): refused when the parent keeps it, or
 * when an item points at a page that does not exist here or whose module is off; flagged (but
 * saved) when no role of the tenant can open a page. Every process serves it after commit.
 */
import { currentTenantScope } from '#app/core/database/tenant_context'
import { invalidateRegistryAfterCommit } from '#app/tenancy/registry_invalidation'
import type { ResolvedTenant } from '#app/tenancy/tenant_registry'
import Role from '#app/tenancy/models/role'
import { pagesFor } from '#app/menus/current_menu'
import { reviewMenu, type Audience, type MenuNode, type MenuReview } from '#app/menus/menu_tree'

/** Each of the tenant's roles of an audience, as the permission set it really holds. */
export async function rolesOf(tenant: ResolvedTenant, audience: Audience) {
  const roles = await Role.query().where('audience', audience).orderBy('id')
  return roles.map((role) => ({
    role,
    holds: new Set(role.permissions.filter((key) => tenant.access.ceiling.has(key))),
  }))
}

export async function reviewFor(
  tenant: ResolvedTenant,
  audience: Audience,
  items: MenuNode[]
): Promise<MenuReview> {
  const roles = await rolesOf(tenant, audience)
  return reviewMenu(
    items,
    await pagesFor(tenant, audience),
    roles.map((entry) => entry.holds)
  )
}

export type SaveMenuResult =
  | { ok: true; before: MenuNode[]; review: MenuReview }
  | { ok: false; error: 'managed_by_parent' }
  | { ok: false; error: 'invalid'; review: MenuReview }

export class SaveMenu {
  async handle(
    tenant: ResolvedTenant,
    audience: Audience,
    items: MenuNode[],
    userId: number
  ): Promise<SaveMenuResult> {
    if (!tenant.menus.editable[audience]) return { ok: false, error: 'managed_by_parent' }
    const review = await reviewFor(tenant, audience, items)
    if (review.problems.length) return { ok: false, error: 'invalid', review }
    const trx = currentTenantScope()?.trx
    if (!trx) throw new Error('SaveMenu runs inside a tenant transaction')
    await trx
      .table('tenant_menus')
      .insert({
        tenant_id: tenant.id,
        audience,
        items: JSON.stringify(items),
        updated_by: userId,
        updated_at: new Date(),
      })
      .onConflict(['tenant_id', 'audience'])
      .merge(['items', 'updated_by', 'updated_at'])
    await invalidateRegistryAfterCommit()
    return { ok: true, before: tenant.menus.items[audience], review }
  }
}
