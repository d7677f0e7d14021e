/* Each tenant's menus as it built them (issue #4 §2), and which of them it may edit. */
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { Audience, MenuNode, MenuSet } from '#app/menus/menu_tree'

export interface TenantMenus {
  /** The menu of each audience. */
  items: MenuSet
  /** False for an audience whose menu the parent pushed and keeps to itself. */
  editable: Record<Audience, boolean>
}

/** A tenant that never saved a menu: empty ones it may edit. */
export const noMenus = (): TenantMenus => ({
  items: { staff: [], client: [] },
  editable: { staff: true, client: true },
})

export async function loadMenus(
  connection: QueryClientContract
): Promise<Map<number, TenantMenus>> {
  const rows = (await connection
    .from('tenant_menus')
    .select('tenant_id', 'audience', 'items', 'editable')) as Array<{
    tenant_id: string | number
    audience: Audience
    items: MenuNode[]
    editable: boolean
  }>
  const menus = new Map<number, TenantMenus>()
  for (const row of rows) {
    const id = Number(row.tenant_id)
    if (!menus.has(id)) menus.set(id, noMenus())
    menus.get(id)!.items[row.audience] = row.items
    menus.get(id)!.editable[row.audience] = row.editable
  }
  return menus
}
