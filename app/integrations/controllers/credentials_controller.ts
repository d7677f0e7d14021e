import type { HttpContext } from '@adonisjs/core/http'
import { refuse } from '#app/core/http/form_outcome'
import { authorize } from '#app/access/authorization'
import { validateTranslated } from '#app/core/http/validation'
import { notFound } from '#app/core/http/params'
import { recordAudit } from '#app/audit/audit'
import { requireRecentAuth } from '#app/auth/step_up'
import { translatorFor } from '#app/core/i18n/request_locale'
import type User from '#app/auth/models/user'
import { credentialSchema } from '#app/integrations/provider_type'
import { providerOr404 } from '#app/integrations/provider_registry'
import { ownCredential } from '#app/integrations/credential_vault'
import { vaultKeyRing } from '#app/vault/vault'
import { SaveCredential } from '#app/integrations/actions/save_credential'
import { RemoveCredential } from '#app/integrations/actions/remove_credential'

/* A tenant's own credential per provider: write-only secrets, step-up before any change. */
export default class CredentialsController {
  async update(ctx: HttpContext) {
    await authorize(ctx, 'integrations.credentials.manage')
    const type = providerOr404(ctx)
    // Changing credentials needs the password typed within the last minutes (SECURITY S6).
    requireRecentAuth(ctx)
    if (!vaultKeyRing()) {
      // Refused loudly: credentials are never stored under APP_KEY or in the clear.
      return refuse(ctx, 503, {
        errors: [
          {
            field: 'settings',
            message: translatorFor(ctx).t('ui.integrations.errors.vault_missing'),
          },
        ],
      })
    }
    const input = await validateTranslated(ctx, credentialSchema(type.fields))
    const user = ctx.auth.use('web').user as User
    const result = await new SaveCredential().handle(ctx.tenant.id, type, input, user.id)
    const t = translatorFor(ctx)
    if (!result.ok) {
      return refuse(ctx, 422, {
        errors: [
          {
            field: `settings.${result.field}`,
            message: t.t(`ui.integrations.errors.${result.error}`),
          },
        ],
      })
    }
    await recordAudit(ctx, {
      action: result.created
        ? 'integrations.credential_created'
        : 'integrations.credential_changed',
      subjectType: 'integration_credential',
      subjectId: type.key,
      // Which fields changed, never their values.
      after: { provider: type.key, fields: result.changed },
    })
    return { ok: true, message: t.t('ui.integrations.saved') }
  }

  async destroy(ctx: HttpContext) {
    await authorize(ctx, 'integrations.credentials.manage')
    const type = providerOr404(ctx)
    requireRecentAuth(ctx)
    const row = await ownCredential(type.key)
    if (!row) throw notFound()
    await new RemoveCredential().handle(row)
    await recordAudit(ctx, {
      action: 'integrations.credential_removed',
      subjectType: 'integration_credential',
      subjectId: type.key,
      before: { provider: type.key },
    })
    return { ok: true, message: translatorFor(ctx).t('ui.integrations.removed') }
  }
}
