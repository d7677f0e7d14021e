/* Active domains: which tenant each hostname serves, and each tenant's primary hostname. */
import type { QueryClientContract } from '@adonisjs/lucid/types/database'

interface DomainRow {
  hostname: string
  tenant_id: string | number
  status: string
  is_primary: boolean
}

export async function loadDomains(connection: QueryClientContract) {
  const rows = (await connection
    .from('domains')
    .whereIn('status', ['active'])
    .select('hostname', 'tenant_id', 'status', 'is_primary')) as DomainRow[]
  const primaryHosts = new Map<number, string>()
  const hosts = new Map<string, number>()
  for (const row of rows) {
    hosts.set(row.hostname.toLowerCase(), Number(row.tenant_id))
    if (row.is_primary) primaryHosts.set(Number(row.tenant_id), row.hostname.toLowerCase())
  }
  return { hosts, primaryHosts }
}
