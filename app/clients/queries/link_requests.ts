/* Pending link requests with the person and, when one exists, the client they match. */
import db from '@adonisjs/lucid/services/db'
import { requireTenantId } from '#app/core/database/tenant_context'
import type { LinkRequestRow } from '#app/clients/pages'

export async function pendingLinkRequests(): Promise<LinkRequestRow[]> {
  const tenantId = requireTenantId('pendingLinkRequests')
  const rows = await db
    .from('link_requests as r')
    .join('users as u', (join) => join.on('u.tenant_id', 'r.tenant_id').andOn('u.id', 'r.user_id'))
    .where('r.tenant_id', tenantId)
    .where('r.status', 'pending')
    .orderBy('r.id')
    .limit(200)
    .select('r.id', 'r.created_at', 'r.company')
    .select('u.id as user_id', 'u.full_name', 'u.email', 'u.phone', 'u.status')
    .select('u.email_verified_at', 'u.phone_verified_at')
  // One query for every match, not one per request.
  const identifiers = rows.flatMap((row) =>
    [row.company?.inn, row.company?.nationalId, row.company?.legalId].filter(Boolean)
  )
  const matches = identifiers.length
    ? await db
        .from('clients')
        .where('tenant_id', tenantId)
        .where((query) =>
          query
            .whereIn('inn', identifiers)
            .orWhereIn('national_id', identifiers)
            .orWhereIn('legal_id', identifiers)
        )
        .select('id', 'name', 'inn', 'national_id', 'legal_id')
    : []
  return rows.map((row) => {
    const wanted = [row.company?.inn, row.company?.nationalId, row.company?.legalId].filter(Boolean)
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
