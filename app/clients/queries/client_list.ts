/*
 * The clients list: the tenant's own (newest first), or — with a subtree grant, inside
 * withSubtreeReads — every client of its subtree, business by business. 50 a page with keyset
 * pagination, so page 100 costs what page 1 does. One query; tenant names come from the
 * registry, not a join.
 *
 * The subtree is resolved from the tenants' ltree paths (in the registry's memory) to its
 * tenant ids, and rows are read by the (tenant_id, id) primary key: an `= ANY` on integers is
 * leakproof, so PostgreSQL may drive the index with it under RLS, while ltree comparisons are
 * not and could only filter after a scan of the whole subtree (120 ms for 100,000 clients
 * against 0.2 ms). The wall is still the read-only subtree policy on `tenant_path`, and the
 * query repeats the path check on the rows it returns.
 */
import db from '@adonisjs/lucid/services/db'
import { requireTenantId } from '#core/database/tenant_context'

export const CLIENT_PAGE_SIZE = 50

export type ClientListRow = {
  id: number
  tenantId: number
  type: string
  name: string
  identifiers: string
}

export async function clientList(options: {
  subtree?: { path: string; tenantIds: number[] }
  /** Own list: the last id seen. */
  before?: number
  /** Subtree list: the last row seen, as `<tenant_id>:<id>`. */
  after?: string
}) {
  const cursor = options.after?.match(/^(\d+):(\d+)$/)
  const query = db
    .from('clients')
    .limit(CLIENT_PAGE_SIZE + 1)
    .select('id', 'tenant_id', 'tenant_path', 'type', 'name', 'inn', 'kpp', 'ogrn')
    .select('national_id', 'legal_id', 'sheba')
  if (options.subtree) {
    query
      .whereRaw('tenant_id = any(?::bigint[])', [options.subtree.tenantIds])
      .whereRaw('tenant_path <@ ?::ltree', [options.subtree.path])
      .orderBy('tenant_id')
      .orderBy('id')
    if (cursor) {
      query.whereRaw('(tenant_id, id) > (?, ?)', [Number(cursor[1]), Number(cursor[2])])
    }
  } else {
    query.where('tenant_id', requireTenantId('clientList')).orderBy('id', 'desc')
    if (options.before) query.where('id', '<', options.before)
  }
  const rows = await query
  const last = rows[CLIENT_PAGE_SIZE - 1]
  return {
    rows: rows.slice(0, CLIENT_PAGE_SIZE).map((row): ClientListRow => ({
      id: row.id,
      tenantId: row.tenant_id,
      type: row.type,
      name: row.name,
      identifiers: [row.inn, row.kpp, row.ogrn, row.national_id, row.legal_id, row.sheba]
        .filter(Boolean)
        .join(' · '),
    })),
    next:
      rows.length > CLIENT_PAGE_SIZE
        ? options.subtree
          ? `${last.tenant_id}:${last.id}`
          : String(last.id)
        : null,
  }
}
