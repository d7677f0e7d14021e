/* One client with the people acting for it and the client roles on offer: three queries. */
import db from '@adonisjs/lucid/services/db'
import { requireTenantId } from '#app/core/database/tenant_context'
import type { Translated } from '#app/core/i18n/locales'
import type { ClientDetail } from '#app/clients/pages'

// A type alias, not an interface: Inertia page props must be assignable to a JSON record.
const IDENTIFIER_COLUMNS = [
  ['inn', 'inn'],
  ['kpp', 'kpp'],
  ['ogrn', 'ogrn'],
  ['national_id', 'nationalId'],
  ['legal_id', 'legalId'],
  ['bik', 'bik'],
  ['account', 'account'],
  ['sheba', 'sheba'],
] as const

export async function findClient(id: number): Promise<ClientDetail | null> {
  const row = await db
    .from('clients')
    .where('tenant_id', requireTenantId('findClient'))
    .where('id', id)
    .first()
  if (!row) return null
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    identifiers: IDENTIFIER_COLUMNS.filter(([column]) => row[column]).map(([column, key]) => ({
      key,
      value: row[column] as string,
    })),
  }
}

export async function membersOf(clientId: number) {
  const rows = await db
    .from('client_memberships as m')
    .join('users as u', (join) => {
      join.on('u.tenant_id', 'm.tenant_id').andOn('u.id', 'm.user_id')
    })
    .where('m.tenant_id', requireTenantId('membersOf'))
    .where('m.client_id', clientId)
    .orderBy('u.full_name')
    .select('u.id', 'u.full_name', 'u.email', 'u.status', 'm.role_id')
  return rows.map((row) => ({
    userId: row.id as number,
    fullName: row.full_name as string,
    email: row.email as string,
    status: row.status as string,
    roleId: row.role_id as number,
  }))
}

export async function clientRoles(): Promise<Array<{ id: number; name: Translated }>> {
  const rows = await db
    .from('roles')
    .where('tenant_id', requireTenantId('clientRoles'))
    .where('audience', 'client')
    .orderBy('id')
    .select('id', 'name')
  return rows.map((row) => ({ id: row.id, name: row.name }))
}
