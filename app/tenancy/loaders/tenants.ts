/*
 * The registry's first read: every tenant, parents first (by depth), with the columns the
 * other loaders derive their pieces from; and each tenant's place in the tree.
 */
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { Calendar, Locale } from '#app/core/i18n/locales'
import type { BrandTokens, TenantKind } from '#tenants/types'

export interface TenantRow {
  id: string | number
  parent_id: string | number | null
  slug: string
  name: string
  kind: TenantKind
  status: 'active' | 'disabled'
  path: string
  depth: number
  locale: Locale
  time_zone: string
  currency: string
  calendar: Calendar
  brand: BrandTokens
  package_id: number | null
  staff_two_factor_required: boolean
  staff_ip_ranges: string[] | null
  mail_platform_fallback: boolean | null
}

/** A tenant's row and its parent's id, as numbers. */
export const treeNode = (row: TenantRow) => ({
  id: Number(row.id),
  parentId: row.parent_id === null ? null : Number(row.parent_id),
})

export async function loadTenantRows(connection: QueryClientContract): Promise<TenantRow[]> {
  return (await connection
    .from('tenants')
    .select('id', 'parent_id', 'slug', 'name', 'kind', 'status', 'depth', 'locale')
    .select('time_zone', 'currency', 'calendar', 'brand', 'package_id')
    .select('staff_two_factor_required', 'staff_ip_ranges', 'mail_platform_fallback')
    .select(connection.raw('path::text as path'))
    .orderBy('depth')) as TenantRow[]
}

/* A tenant's own fields, and its status: served only when it and every ancestor are active. */
export function identityOf(row: TenantRow, byId: ReadonlyMap<number, TenantRow>) {
  const ancestorsActive = row.path
    .split('.')
    .every((segment) => byId.get(Number(segment.slice(1)))?.status !== 'disabled')
  return {
    ...treeNode(row),
    slug: row.slug,
    name: row.name,
    kind: row.kind,
    status:
      row.status === 'active' && ancestorsActive ? ('active' as const) : ('disabled' as const),
    path: row.path,
    depth: row.depth,
    locale: row.locale,
    timeZone: row.time_zone,
    currency: row.currency,
    calendar: row.calendar,
    isPlatform: row.parent_id === null,
  }
}
