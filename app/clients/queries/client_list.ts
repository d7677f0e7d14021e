/*
 * The clients list: the tenant's own, or (with a subtree grant, inside withSubtreeReads) every
 * client of its subtree through the indexed `tenant_path`. Newest first, 50 a page, keyset
 * pagination by id so page 100 costs what page 1 does. One query; tenant names come from the
 * registry, not a join.
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

export async function clientList(options: { subtreePath?: string; before?: number }) {
  const rows = await db
    .from('clients')
    .if(
      options.subtreePath,
      (query) => query.whereRaw('tenant_path <@ ?::ltree', [options.subtreePath!]),
      (query) => query.where('tenant_id', requireTenantId('clientList'))
    )
    .if(options.before, (query) => query.where('id', '<', options.before!))
    .orderBy('id', 'desc')
    .limit(CLIENT_PAGE_SIZE + 1)
    .select(
      'id',
      'tenant_id',
      'type',
      'name',
      'inn',
      'kpp',
      'ogrn',
      'national_id',
      'legal_id',
      'sheba'
    )
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
    nextBefore: rows.length > CLIENT_PAGE_SIZE ? rows[CLIENT_PAGE_SIZE - 1].id : null,
  }
}
