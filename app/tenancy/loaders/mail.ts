/*
 * Whether each tenant's mail may go through the platform's mail server. Unset: as the parent
 * agent decided (rows come parents first). The platform's own choice is its own: an agent
 * directly under it opts in itself or not at all.
 */
import type { TenantRow } from '#app/tenancy/loaders/tenants'

export function mailFallbackOf(
  rows: TenantRow[],
  byId: ReadonlyMap<number, TenantRow>
): Map<number, boolean> {
  const mailFallback = new Map<number, boolean>()
  for (const row of rows) {
    const parent = row.parent_id === null ? undefined : byId.get(Number(row.parent_id))
    const inherited =
      !parent || parent.parent_id === null ? false : (mailFallback.get(Number(parent.id)) ?? false)
    mailFallback.set(Number(row.id), row.mail_platform_fallback ?? inherited)
  }
  return mailFallback
}
