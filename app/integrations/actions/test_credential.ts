/*
 * "Test connection" (issue #4 §3): the credential a tenant uses for a provider (its own or the
 * ancestor's it inherits) is opened through the audited vault and tried. Health is kept on the
 * tenant's own credential (an ancestor's row is the ancestor's to write).
 */
import { urlFor } from '@adonisjs/core/services/url_builder'
import type { AuditEntry } from '#app/audit/audit'
import type { ResolvedTenant } from '#app/tenancy/tenant_registry'
import type { ProviderType, TestOutcome } from '#app/integrations/provider_type'
import { effectiveCredential, useCredential } from '#app/integrations/credential_vault'
import { VaultError } from '#app/vault/key_ring'
import { notify } from '#app/notifications/notify'
import { failureMessage } from '#app/integrations/failure_message'
import i18nManager from '@adonisjs/i18n/services/main'
import { LOCALES, type Translated } from '#app/core/i18n/locales'
import IntegrationCredential from '#app/integrations/models/integration_credential'

/** A test failure's reason (`code` or `code:detail`) in every language, for a notification. */
function failureText(error: string): Translated {
  const text = {} as Translated
  for (const locale of LOCALES) text[locale] = failureMessage(i18nManager.locale(locale), error)
  return text
}

export class TestCredential {
  async handle(
    tenant: ResolvedTenant,
    type: ProviderType,
    audit: (entry: AuditEntry) => Promise<void>
  ): Promise<TestOutcome | null> {
    const row = await effectiveCredential(tenant, type.key)
    if (!row) return null
    let outcome: TestOutcome
    try {
      outcome = await type.testConnection(await useCredential(row, 'test_connection', audit))
    } catch (error) {
      if (!(error instanceof VaultError)) throw error
      outcome = { ok: false, error: 'secret_unreadable' }
    }
    if (Number(row.tenant_id) === tenant.id) {
      // Working until now (or never checked): this failure is news for whoever manages it.
      const wasHealthy =
        !row.last_error_at || (!!row.last_success_at && row.last_success_at > row.last_error_at)
      if (!outcome.ok && wasHealthy) {
        await notify('integrations.connection_failed', {
          params: { provider: type.label, error: failureText(outcome.error) },
          link: urlFor('cabinet.integrations.index'),
        })
      }
      const now = new Date()
      await IntegrationCredential.query()
        .where('id', row.id)
        .update(
          outcome.ok
            ? { last_checked_at: now, last_success_at: now }
            : { last_checked_at: now, last_error_at: now, last_error: outcome.error }
        )
    }
    return outcome
  }
}
