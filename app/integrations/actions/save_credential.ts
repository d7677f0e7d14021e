/*
 * Saving a tenant's credential for a provider (issue #4 §3): fields checked by the provider's
 * schema (the caller validated), endpoints through the SSRF guard, secrets sealed; a blank secret
 * keeps the stored one, and a required secret never stored is refused. The caller has already
 * demanded a recent password (step-up) and audits the change by field names, never values.
 */
import { currentTenantScope } from '#app/core/database/tenant_context'
import type { ProviderType } from '#app/integrations/provider_type'
import { BlockedTarget, guardTarget, guardUrl } from '#app/integrations/ssrf'
import { ownCredential, sealSecrets } from '#app/integrations/credential_vault'
import IntegrationCredential from '#app/integrations/models/integration_credential'

export type SaveCredentialResult =
  | { ok: true; created: boolean; changed: string[] }
  | { ok: false; field: string; error: 'secret_required' | 'address_blocked' }

export class SaveCredential {
  async handle(
    tenantId: number,
    type: ProviderType,
    input: { settings: Record<string, unknown>; shareWithSubagents?: boolean },
    userId: number
  ): Promise<SaveCredentialResult> {
    const trx = currentTenantScope()?.trx
    if (!trx) throw new Error('SaveCredential runs inside a tenant transaction')
    const existing = await ownCredential(type.key)

    const settings: Record<string, string | number> = {}
    const newSecrets: Record<string, string> = {}
    for (const field of type.fields) {
      const value = input.settings[field.name]
      if (field.kind === 'secret') {
        if (typeof value === 'string' && value !== '') newSecrets[field.name] = value
        else if (field.required && !existing?.secrets?.[field.name]) {
          return { ok: false, field: field.name, error: 'secret_required' }
        }
      } else if (value !== undefined && value !== null && value !== '') {
        settings[field.name] = value as string | number
      }
    }

    // Endpoints a tenant names are checked before they are stored (and again on every call).
    try {
      for (const field of type.fields) {
        if (field.kind === 'url' && settings[field.name])
          await guardUrl(String(settings[field.name]))
      }
      const host = type.fields.find((field) => field.kind === 'host')
      const port = type.fields.find((field) => field.kind === 'port')
      if (host && port && settings[host.name]) {
        await guardTarget(String(settings[host.name]), Number(settings[port.name]))
      }
    } catch (error) {
      if (!(error instanceof BlockedTarget)) throw error
      const field = type.fields.find((candidate) => ['url', 'host'].includes(candidate.kind))!
      return { ok: false, field: field.name, error: 'address_blocked' }
    }

    const sealed = sealSecrets(tenantId, type.key, newSecrets)
    const changed = [
      ...type.fields
        .filter((field) => field.kind !== 'secret')
        .filter((field) => existing?.settings?.[field.name] !== settings[field.name])
        .map((field) => field.name),
      ...Object.keys(newSecrets),
    ]
    const share = input.shareWithSubagents ?? existing?.share_with_subagents ?? false
    if (existing && existing.share_with_subagents !== share) changed.push('shareWithSubagents')
    const now = new Date()
    if (existing) {
      await IntegrationCredential.query()
        .where('id', existing.id)
        .update({
          settings: JSON.stringify(settings),
          secrets: JSON.stringify({ ...existing.secrets, ...sealed }),
          share_with_subagents: share,
          // A changed credential has not been tested yet.
          last_checked_at: null,
          last_success_at: null,
          last_error_at: null,
          last_error: null,
          updated_by: userId,
          updated_at: now,
        })
    } else {
      await trx.table('integration_credentials').insert({
        tenant_id: tenantId,
        provider: type.key,
        settings: JSON.stringify(settings),
        secrets: JSON.stringify(sealed),
        share_with_subagents: share,
        updated_by: userId,
        updated_at: now,
      })
    }
    return { ok: true, created: !existing, changed }
  }
}
