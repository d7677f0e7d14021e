/*
 * A tenant's own staff sign-in policy: a second factor for every staff member or not, and the
 * addresses its cabinet accepts (one address or IPv4 range per line or comma; none: any). A list
 * that would shut out the very request saving it is refused. The caller audits the change.
 */
import db from '@adonisjs/lucid/services/db'
import type { ResolvedTenant } from '#app/tenancy/tenant_registry'
import { IpRanges } from '#app/tenancy/trusted_proxies'
import { invalidateRegistryAfterCommit } from '#app/tenancy/registry_invalidation'

export type StaffSecurityUpdate =
  | {
      ok: true
      before: { staffTwoFactorRequired: boolean; staffIpRanges: string[] }
      ranges: string[]
    }
  | { ok: false; error: 'invalid_range'; params: { entry: string } }
  | { ok: false; error: 'would_lock_out'; params: { ip: string } }

export class UpdateStaffSecurity {
  async handle(
    tenant: ResolvedTenant,
    input: { staffTwoFactorRequired: boolean; staffIpRanges?: string },
    requestIp: string
  ): Promise<StaffSecurityUpdate> {
    const ranges = (input.staffIpRanges ?? tenant.access.staffIpRanges.join('\n'))
      .split(/[\s,]+/)
      .map((entry) => entry.trim())
      .filter(Boolean)
    const invalid = ranges.find((entry) => !IpRanges.isValidEntry(entry))
    if (invalid) return { ok: false, error: 'invalid_range', params: { entry: invalid } }
    // Nobody saves a list that would shut out the very request saving it.
    if (ranges.length && !new IpRanges(ranges).contains(requestIp)) {
      return { ok: false, error: 'would_lock_out', params: { ip: requestIp } }
    }
    const before = {
      staffTwoFactorRequired: tenant.access.staffTwoFactorRequired,
      staffIpRanges: [...tenant.access.staffIpRanges],
    }
    await db.from('tenants').where('id', tenant.id).update({
      staff_two_factor_required: input.staffTwoFactorRequired,
      staff_ip_ranges: ranges,
      updated_at: new Date(),
    })
    await invalidateRegistryAfterCommit()
    return { ok: true, before, ranges }
  }
}
