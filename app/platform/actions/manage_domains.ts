/*
 * Custom domains of a tenant: add (pending, with a 128-bit DNS token), verify (TXT record
 * found -> active), make primary, disable and enable. Hostnames are unique platform-wide;
 * names under PLATFORM_DOMAIN are reserved for tenants' platform subdomains.
 */
import { DateTime } from 'luxon'
import { domainToASCII } from 'node:url'
import Domain from '#app/tenancy/models/domain'
import type Tenant from '#app/tenancy/models/tenant'
import { normalizeHost } from '#app/tenancy/host'
import { platformDomain } from '#app/platform/platform_domain'
import { hasVerificationRecord, newVerificationToken } from '#app/tenancy/domain_verification'
import { invalidateRegistryAfterCommit } from '#app/tenancy/registry_invalidation'

export type DomainError =
  | 'hostname_invalid'
  | 'hostname_reserved'
  | 'hostname_taken'
  | 'not_verified'
  | 'domain_not_active'
  | 'primary_cannot_be_disabled'

export type DomainResult = { ok: true; domain: Domain } | { ok: false; error: DomainError }

/** The canonical ASCII form of a hostname typed by a person (IDN -> punycode), or null. */
export function canonicalHostname(input: string): string | null {
  const trimmed = input.trim().toLowerCase().replace(/\.$/, '')
  if (!trimmed || /[/:@\s]/.test(trimmed)) return null
  const ascii = domainToASCII(trimmed)
  const host = normalizeHost(ascii)
  if (!host || !host.includes('.')) return null
  return host
}

export class AddDomain {
  async handle(tenant: Tenant, input: string): Promise<DomainResult> {
    const hostname = canonicalHostname(input)
    if (!hostname) return { ok: false, error: 'hostname_invalid' }
    const platform = platformDomain()
    if (hostname === platform || hostname.endsWith(`.${platform}`)) {
      return { ok: false, error: 'hostname_reserved' }
    }
    if (await Domain.query().where('hostname', hostname).first()) {
      return { ok: false, error: 'hostname_taken' }
    }
    try {
      const domain = await Domain.create({
        tenantId: tenant.id,
        hostname,
        kind: 'custom',
        status: 'pending',
        isPrimary: false,
        verificationToken: newVerificationToken(),
      })
      return { ok: true, domain }
    } catch (error) {
      // Two requests racing for one hostname: the unique index decides (the request rolls back).
      if ((error as { code?: string }).code === '23505')
        return { ok: false, error: 'hostname_taken' }
      throw error
    }
  }
}

export class VerifyDomain {
  async handle(domain: Domain): Promise<DomainResult> {
    if (domain.status === 'active') return { ok: true, domain }
    if (!domain.verificationToken) return { ok: false, error: 'not_verified' }
    if (!(await hasVerificationRecord(domain.hostname, domain.verificationToken))) {
      return { ok: false, error: 'not_verified' }
    }
    domain.status = 'active'
    domain.verifiedAt = DateTime.now()
    await domain.save()
    await invalidateRegistryAfterCommit()
    return { ok: true, domain }
  }
}

export class MakeDomainPrimary {
  async handle(domain: Domain): Promise<DomainResult> {
    if (domain.status !== 'active') return { ok: false, error: 'domain_not_active' }
    // Lock the tenant's domains so two concurrent switches cannot leave two primaries.
    await Domain.query().where('tenant_id', domain.tenantId).forUpdate()
    // The others lose the flag; this one is set by a statement too (not the model's dirty
    // check, which sees nothing to save when it already was primary).
    await Domain.query()
      .where('tenant_id', domain.tenantId)
      .where('is_primary', true)
      .whereNot('id', domain.id)
      .update({ is_primary: false })
    await Domain.query().where('id', domain.id).update({ is_primary: true })
    domain.isPrimary = true
    await invalidateRegistryAfterCommit()
    return { ok: true, domain }
  }
}

export class SetDomainStatus {
  async handle(domain: Domain, status: 'active' | 'disabled'): Promise<DomainResult> {
    if (status === 'disabled') {
      if (domain.isPrimary) return { ok: false, error: 'primary_cannot_be_disabled' }
      domain.status = 'disabled'
    } else {
      // Only a domain proven once comes back without a new DNS check.
      if (!domain.verifiedAt) return { ok: false, error: 'not_verified' }
      domain.status = 'active'
    }
    await domain.save()
    await invalidateRegistryAfterCommit()
    return { ok: true, domain }
  }
}
