import { BaseSchema } from '@adonisjs/lucid/schema'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'

/*
 * Menu icons are lucide's now (issue #12 §1): the names of the 18 hand-drawn icons become the
 * names of the lucide icons that replace them, in every tenant's saved menus (groups and links
 * hold an icon; pages hold one only when a tenant chose it). tenant_menus is a catalog table:
 * no RLS to step through.
 */
export const RENAMED_ICONS: Record<string, string> = {
  home: 'house',
  building: 'building-complex',
  card: 'credit-card',
  document: 'file-text',
  chart: 'chart-column',
}

type StoredNode = { icon?: string | null; children?: StoredNode[] }

function renamed(items: StoredNode[], names: Record<string, string>): StoredNode[] {
  return items.map((node) => ({
    ...node,
    ...(node.icon && names[node.icon] ? { icon: names[node.icon] } : {}),
    ...(node.children ? { children: renamed(node.children, names) } : {}),
  }))
}

/** Renames icons in every saved menu (exported for the test that runs it on old names). */
export async function renameIcons(db: QueryClientContract, names: Record<string, string>) {
  const rows = (await db.from('tenant_menus').select('tenant_id', 'audience', 'items')) as Array<{
    tenant_id: number
    audience: string
    items: StoredNode[]
  }>
  for (const row of rows) {
    const items = renamed(row.items, names)
    if (JSON.stringify(items) === JSON.stringify(row.items)) continue
    await db
      .from('tenant_menus')
      .where({ tenant_id: row.tenant_id, audience: row.audience })
      .update({ items: JSON.stringify(items) })
  }
}

export default class extends BaseSchema {
  async up() {
    this.defer((db) => renameIcons(db, RENAMED_ICONS))
  }

  async down() {
    this.defer((db) =>
      renameIcons(
        db,
        Object.fromEntries(Object.entries(RENAMED_ICONS).map(([old, now]) => [now, old]))
      )
    )
  }
}
