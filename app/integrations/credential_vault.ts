/*
 * Integration credentials at rest (issue #4 §3, SECURITY S1–S5). Secrets are sealed with the
 * vault key ring, each bound to its tenant, provider and field: a value copied to another row,
 * tenant or field does not open. They are opened in one place only, `useCredential`, which
 * records the use in the audit log first (S5) and counts it. Nothing here returns a secret to a
 * page: `maskedView` says which secrets are set and when, never what they are (S2).
 */
import { Exception } from '@adonisjs/core/exceptions'
import { currentTenantScope } from '#app/core/database/tenant_context'
import type { AuditEntry } from '#app/audit/audit'
import type { ResolvedTenant } from '#app/tenancy/tenant_registry'
import { vaultKeyRing } from '#app/vault/vault'
import type { KeyRing } from '#app/vault/key_ring'
import type { OpenedCredential, ProviderType } from '#app/integrations/provider_type'
import type { MaskedCredential } from '#app/integrations/pages'
import IntegrationCredential from '#app/integrations/models/integration_credential'
export type { MaskedCredential }

export interface CredentialRow {
  id: number
  tenant_id: number
  provider: string
  settings: Record<string, string | number>
  secrets: Record<string, string>
  share_with_subagents: boolean
  code_maps: Record<string, Record<string, string>>
  last_checked_at: Date | null
  last_success_at: Date | null
  last_error_at: Date | null
  last_error: string | null
  updated_at: Date
}

/** Opens counted per process: the audit rows of `integrations.credential_used` must match. */
export const vaultUses = { opened: 0 }

export function requireKeyRing(): KeyRing {
  const ring = vaultKeyRing()
  if (!ring) {
    // Refused loudly: credentials are never stored under APP_KEY or in the clear.
    throw new Exception('VAULT_KEYS is not set: integration credentials cannot be stored', {
      status: 503,
      code: 'E_VAULT_NOT_CONFIGURED',
    })
  }
  return ring
}

function trx() {
  const scope = currentTenantScope()
  if (!scope?.trx) throw new Error('Integration credentials are read inside a tenant transaction')
  return scope.trx
}

/** This tenant's own credential for a provider, if any. */
export async function ownCredential(provider: string): Promise<CredentialRow | null> {
  // The vault hands rows around as plain objects; the model's query brings the tenant filter.
  const [row] = await IntegrationCredential.query()
    .where({ provider })
    .limit(1)
    .pojo<CredentialRow>()
  return row ?? null
}

const ancestorsOf = (tenant: ResolvedTenant) =>
  tenant.path
    .split('.')
    .map((segment) => Number(segment.slice(1)))
    .filter((id) => id !== tenant.id)

/**
 * Every credential a tenant may use, in one query: its own, and its ancestors' that are shared
 * with sub-agents (readable through the inherited-read policy only).
 */
export async function usableCredentials(
  tenant: ResolvedTenant,
  provider?: string
): Promise<CredentialRow[]> {
  const ancestors = ancestorsOf(tenant)
  // Not the model's query: ancestors' shared rows are read too (the inherited-read policy).
  const query = trx()
    .from('integration_credentials')
    .where((scope) => {
      scope.where('tenant_id', tenant.id)
      if (ancestors.length) {
        scope.orWhere((shared) =>
          shared.where('share_with_subagents', true).whereIn('tenant_id', ancestors)
        )
      }
    })
  if (provider) query.where('provider', provider)
  return (await query) as CredentialRow[]
}

/** Of the usable credentials, the one for `provider`: its own, else the nearest ancestor's. */
export function pickCredential(
  rows: CredentialRow[],
  tenant: ResolvedTenant,
  provider: string
): CredentialRow | null {
  const candidates = rows.filter((row) => row.provider === provider)
  // Nearest first: the path lists the tenant last and its ancestors root first before it.
  for (const id of [tenant.id, ...ancestorsOf(tenant).reverse()]) {
    const row = candidates.find((candidate) => Number(candidate.tenant_id) === id)
    if (row) return row
  }
  return null
}

/** The credential a tenant uses for a provider: its own, else its nearest ancestor's shared one. */
export async function effectiveCredential(
  tenant: ResolvedTenant,
  provider: string
): Promise<CredentialRow | null> {
  return pickCredential(await usableCredentials(tenant, provider), tenant, provider)
}

export function sealSecrets(
  tenantId: number,
  provider: string,
  values: Record<string, string>
): Record<string, string> {
  const ring = requireKeyRing()
  return Object.fromEntries(
    Object.entries(values).map(([field, value]) => [
      field,
      ring.seal(value, { tenantId, provider, field }),
    ])
  )
}

/**
 * Opens a credential's secrets for one purpose, after writing the audit row of that use (in the
 * same transaction as whatever the use leads to). A secret that does not open (moved from
 * another row, tampered, or its key gone) is refused, never guessed.
 */
export async function useCredential(
  row: CredentialRow,
  purpose: string,
  audit: (entry: AuditEntry) => Promise<void>
): Promise<OpenedCredential> {
  const ring = requireKeyRing()
  const tenantId = Number(row.tenant_id)
  await audit({
    action: 'integrations.credential_used',
    subjectType: 'integration_credential',
    subjectId: row.id,
    after: { provider: row.provider, purpose, ownerTenantId: tenantId },
  })
  vaultUses.opened++
  const secrets: Record<string, string> = {}
  for (const [field, sealed] of Object.entries(row.secrets ?? {})) {
    secrets[field] = ring.open(sealed, { tenantId, provider: row.provider, field })
  }
  return {
    tenantId,
    provider: row.provider,
    settings: row.settings ?? {},
    secrets,
    codeMaps: row.code_maps ?? {},
  }
}

/** What a page may know of a credential: the plain settings and which secrets are set. */
export function maskedView(row: CredentialRow, type: ProviderType): MaskedCredential {
  const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null)
  const settings: Record<string, string | number> = {}
  const secrets: Record<string, { configured: boolean }> = {}
  for (const field of type.fields) {
    if (field.kind === 'secret') secrets[field.name] = { configured: !!row.secrets?.[field.name] }
    else if (row.settings?.[field.name] !== undefined)
      settings[field.name] = row.settings[field.name]
  }
  return {
    id: Number(row.id),
    tenantId: Number(row.tenant_id),
    settings,
    secrets,
    shareWithSubagents: row.share_with_subagents,
    updatedAt: new Date(row.updated_at).toISOString(),
    health: {
      checkedAt: iso(row.last_checked_at),
      successAt: iso(row.last_success_at),
      errorAt: iso(row.last_error_at),
      error: row.last_error,
    },
  }
}
