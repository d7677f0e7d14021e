import type { HttpContext } from '@adonisjs/core/http'
import { authorize } from '#app/access/authorization'
import { notFound } from '#app/core/http/params'
import { recordAudit } from '#app/audit/audit'
import { refuseWhileImpersonating } from '#app/auth/step_up'
import { translatorFor } from '#app/core/i18n/request_locale'
import { failureMessage } from '#app/integrations/failure_message'
import { providerOr404 } from '#app/integrations/provider_registry'
import { TestCredential } from '#app/integrations/actions/test_credential'

/* "Test connection": the credential this tenant uses for a provider, tried through the vault. */
export default class TestCredentialController {
  async handle(ctx: HttpContext) {
    await authorize(ctx, 'integrations.credentials.manage')
    refuseWhileImpersonating(ctx)
    const type = providerOr404(ctx)
    const outcome = await new TestCredential().handle(ctx.tenant, type, (entry) =>
      recordAudit(ctx, entry)
    )
    if (!outcome) throw notFound()
    const t = translatorFor(ctx)
    return {
      ok: outcome.ok,
      message: outcome.ok
        ? t.t('ui.integrations.test_ok', { detail: outcome.detail })
        : failureMessage(t, outcome.error),
    }
  }
}
