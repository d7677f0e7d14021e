/* Each tenant's menus as it built them (issue #4 §2), and which of them it may edit. */
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { defineTenantData } from '#app/tenancy/module_tenant_data'
import type { Audience, MenuNode, MenuSet } from '#app/menus/menu_tree'

export interface TenantMenus {
  /** The menu of each audience. */
  items: MenuSet
  /** False for an audience whose menu the parent pushed and keeps to itself. */
  editable: Record<Audience, boolean>
}

declare module '#app/tenancy/module_tenant_data' {
  interface ModuleTenantData {
    /** The menu of each audience, as the tenant built it, and whether it may edit it. */
    menus: TenantMenus
  }
}

/** A tenant that never saved a menu: empty ones it may edit. */
export const noMenus = (): TenantMenus => ({
  items: { staff: [], client: [] },
  editable: { staff: true, client: true },
})

export default defineTenantData({
  key: 'menus',
  empty: noMenus,
  async load(connection: QueryClientContract) {
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
  },
})
