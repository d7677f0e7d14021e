import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import { authorize } from '#app/access/authorization'
import { validateTranslated } from '#app/core/http/validation'
import { recordAudit } from '#app/audit/audit'
import { requireRecentAuth } from '#app/auth/step_up'
import { translatorFor } from '#app/core/i18n/request_locale'
import { SetMailFallback } from '#app/integrations/actions/set_mail_fallback'

const fallbackValidator = vine.create({ enabled: vine.boolean() })

/** Whether this tenant's mail may go through the platform's server when it has no SMTP. */
export default class MailFallbackController {
  async update(ctx: HttpContext) {
    await authorize(ctx, 'integrations.credentials.manage')
    requireRecentAuth(ctx)
    const { enabled } = await validateTranslated(ctx, fallbackValidator)
    const before = ctx.tenant.mailPlatformFallback
    await new SetMailFallback().handle(ctx.tenant.id, enabled)
    await recordAudit(ctx, {
      action: 'integrations.mail_fallback_changed',
      subjectType: 'tenant',
      subjectId: ctx.tenant.id,
      before: { enabled: before },
      after: { enabled },
    })
    return { ok: true, message: translatorFor(ctx).t('ui.integrations.saved') }
  }
}
