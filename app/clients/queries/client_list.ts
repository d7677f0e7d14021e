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
import { currentTenantScope } from '#app/core/database/tenant_context'
import Client from '#app/clients/models/client'
import type { ClientListRow } from '#app/clients/pages'

export const CLIENT_PAGE_SIZE = 50

type ClientRecord = {
  id: number
  tenant_id: number
  type: string
  name: string
  inn: string | null
  kpp: string | null
  ogrn: string | null
  national_id: string | null
  legal_id: string | null
  sheba: string | null
}

const COLUMN_NAMES = ['id', 'tenant_id', 'type', 'name', 'inn', 'kpp', 'ogrn'].concat([
  'national_id',
  'legal_id',
  'sheba',
])
const COLUMNS = COLUMN_NAMES.map((column) => `c.${column}`).join(', ')

async function ownPage(before?: number): Promise<ClientRecord[]> {
  // ADR 0023: a hot list reads the model's query (tenant filter by construction) as plain rows.
  const query = Client.query()
    .orderBy('id', 'desc')
    .limit(CLIENT_PAGE_SIZE + 1)
    .select(COLUMN_NAMES)
  if (before) query.where('id', '<', before)
  return query.pojo<ClientRecord>()
}

/*
 * A subtree page: for each business of the subtree, in id order from the cursor's, its first rows
 * after the cursor by its primary key, then the first 50 of those. One index probe per business;
 * a single scan of `tenant_id = any(…)` would be planned, under the RLS policy's OR, as a bitmap of
 * the whole subtree sorted (150 ms for 100,000 clients against 15 ms this way).
 */
async function subtreePage(
  subtree: { path: string; tenantIds: number[] },
  after?: string
): Promise<ClientRecord[]> {
  const cursor = after?.match(/^(\d+):(\d+)$/)
  const [fromTenant, fromId] = cursor ? [Number(cursor[1]), Number(cursor[2])] : [0, 0]
  const trx = currentTenantScope()!.trx
  const result = await trx.rawQuery(
    `select ${COLUMNS}
       from unnest(?::bigint[]) as s(tenant_id)
       cross join lateral (
         select * from clients
          where clients.tenant_id = s.tenant_id
            and clients.tenant_path <@ ?::ltree
            and (clients.tenant_id, clients.id) > (?, ?)
          order by clients.id
          limit ?
       ) c
      where s.tenant_id >= ?
      order by c.tenant_id, c.id
      limit ?`,
    [
      subtree.tenantIds,
      subtree.path,
      fromTenant,
      fromId,
      CLIENT_PAGE_SIZE + 1,
      fromTenant,
      CLIENT_PAGE_SIZE + 1,
    ]
  )
  return result.rows as ClientRecord[]
}

export async function clientList(options: {
  subtree?: { path: string; tenantIds: number[] }
  /** Own list: the last id seen. */
  before?: number
  /** Subtree list: the last row seen, as `<tenant_id>:<id>`. */
  after?: string
}) {
  const rows = options.subtree
    ? await subtreePage(options.subtree, options.after)
    : await ownPage(options.before)
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
