/* One client with the people acting for it and the client roles on offer: three queries. */
import type { Translated } from '#app/core/i18n/locales'
import type { ClientDetail } from '#app/clients/pages'
import Client from '#app/clients/models/client'
import ClientMembership from '#app/clients/models/client_membership'
import Role from '#app/tenancy/models/role'

/** The requisites a client page lists, in this order, by their model attribute. */
const IDENTIFIERS = [
  'inn',
  'kpp',
  'ogrn',
  'nationalId',
  'legalId',
  'bik',
  'account',
  'sheba',
] as const

/* ADR 0023: the model reads (the tenant filter by construction); the transformer shapes it. */
export async function findClient(id: number): Promise<ClientDetail | null> {
  const client = await Client.find(id)
  return client ? clientDetail(client) : null
}

/** A client as its pages show it (the shape app/clients/pages.ts names). */
export function clientDetail(client: Client): ClientDetail {
  return {
    id: client.id,
    type: client.type,
    name: client.name,
    identifiers: IDENTIFIERS.flatMap((key) => (client[key] ? [{ key, value: client[key] }] : [])),
  }
}

export async function membersOf(clientId: number) {
  const rows = await ClientMembership.query()
    .join('users as u', (join) => {
      join
        .on('u.tenant_id', 'client_memberships.tenant_id')
        .andOn('u.id', 'client_memberships.user_id')
    })
    .where('client_memberships.client_id', clientId)
    .orderBy('u.full_name')
    .select('u.id', 'u.full_name', 'u.email', 'u.status', 'client_memberships.role_id')
    .pojo<Record<string, unknown>>()
  return rows.map((row) => ({
    userId: row.id as number,
    fullName: row.full_name as string,
    email: row.email as string,
    status: row.status as string,
    roleId: row.role_id as number,
  }))
}

export async function clientRoles(): Promise<Array<{ id: number; name: Translated }>> {
  const rows = await Role.query()
    .where('audience', 'client')
    .orderBy('id')
    .select('id', 'name')
    .pojo<{ id: number; name: Translated }>()
  return rows.map((row) => ({ id: row.id, name: row.name }))
}
