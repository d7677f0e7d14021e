/*
 * An agent copies its menu of one audience to its direct sub-agents (issue #4 §2). Each copy
 * leaves out the pages a sub-agent cannot offer (its module off there). `editable: false` keeps
 * the copies to the agent: the sub-agents' builders show them read-only until the next push
 * that lets them edit.
 */
import app from '@adonisjs/core/services/app'
import { currentTenantScope } from '#app/core/database/tenant_context'
import { invalidateRegistryAfterCommit } from '#app/tenancy/registry_invalidation'
import type { ResolvedTenant } from '#app/tenancy/tenant_registry'
import { pagesFor } from '#app/menus/current_menu'
import { menuFor, type Audience } from '#app/menus/menu_tree'

export class PushMenu {
  async handle(
    tenant: ResolvedTenant,
    audience: Audience,
    editable: boolean,
    userId: number
  ): Promise<{ tenants: number; dropped: number }> {
    const trx = currentTenantScope()?.trx
    if (!trx) throw new Error('PushMenu runs inside a tenant transaction')
    const registry = await app.container.make('tenancy.registry')
    const children = (await registry.all()).filter((other) => other.parentId === tenant.id)
    let dropped = 0
    for (const child of children) {
      const copy = menuFor(tenant.menus.items[audience], await pagesFor(child, audience))
      dropped += copy.dropped
      await trx
        .table('tenant_menus')
        .insert({
          tenant_id: child.id,
          audience,
          items: JSON.stringify(copy.tree),
          editable,
          updated_by: userId,
          updated_at: new Date(),
        })
        .onConflict(['tenant_id', 'audience'])
        .merge(['items', 'editable', 'updated_by', 'updated_at'])
    }
    await invalidateRegistryAfterCommit()
    return { tenants: children.length, dropped }
  }
}
