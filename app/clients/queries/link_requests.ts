/* Pending link requests with the person and, when one exists, the client they match. */
import Client from '#app/clients/models/client'
import LinkRequest from '#app/clients/models/link_request'
import type { LinkRequestRow } from '#app/clients/pages'

type PendingRow = {
  id: number
  created_at: Date
  company: Record<string, string> | null
  user_id: number
  full_name: string
  email: string
  phone: string | null
  status: string
  email_verified_at: Date | null
  phone_verified_at: Date | null
}

export async function pendingLinkRequests(): Promise<LinkRequestRow[]> {
  // ADR 0023: the model's query (its tenant filter by construction), read as plain rows.
  const rows = await LinkRequest.query()
    .join('users as u', (join) =>
      join.on('u.tenant_id', 'link_requests.tenant_id').andOn('u.id', 'link_requests.user_id')
    )
    .where('link_requests.status', 'pending')
    .orderBy('link_requests.id')
    .limit(200)
    .select('link_requests.id', 'link_requests.created_at', 'link_requests.company')
    .select('u.id as user_id', 'u.full_name', 'u.email', 'u.phone', 'u.status')
    .select('u.email_verified_at', 'u.phone_verified_at')
    .pojo<PendingRow>()
  // One query for every match, not one per request.
  const identifiersOf = (company: Record<string, string> | null) =>
    [company?.inn, company?.nationalId, company?.legalId].filter((value): value is string =>
      Boolean(value)
    )
  const identifiers = rows.flatMap((row) => identifiersOf(row.company))
  const matches = identifiers.length
    ? await Client.query()
        .where((query) =>
          query
            .whereIn('inn', identifiers)
            .orWhereIn('national_id', identifiers)
            .orWhereIn('legal_id', identifiers)
        )
        .select('id', 'name', 'inn', 'national_id', 'legal_id')
        .pojo<{
          id: number
          name: string
          inn: string | null
          national_id: string | null
          legal_id: string | null
        }>()
    : []
  return rows.map((row) => {
    const wanted = identifiersOf(row.company)
    const match = matches.find((client) =>
      wanted.some((value) => [client.inn, client.national_id, client.legal_id].includes(value))
    )
    return {
      id: row.id,
      createdAt: new Date(row.created_at).toISOString(),
      person: {
        id: row.user_id,
        fullName: row.full_name,
        email: row.email,
        phone: row.phone,
        emailVerified: row.email_verified_at !== null,
        phoneVerified: row.phone_verified_at !== null,
        status: row.status,
      },
      company: row.company ?? {},
      match: match ? { id: match.id, name: match.name } : null,
    }
  })
}
