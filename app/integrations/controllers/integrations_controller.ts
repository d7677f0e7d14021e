import type { HttpContext } from '@adonisjs/core/http'
import { authorize } from '#app/access/authorization'
import { recentlyReauthenticated, refuseWhileImpersonating } from '#app/auth/step_up'
import { providerCards } from '#app/integrations/queries/provider_cards'
import Tenant from '#app/tenancy/models/tenant'

/* Integrations: one card per provider this tenant can use, and the mail fallback. */
export default class IntegrationsController {
  async index(ctx: HttpContext) {
    await authorize(ctx, 'integrations.credentials.manage')
    // Credential screens are never opened on someone else's behalf (ARCHITECTURE §6).
    refuseWhileImpersonating(ctx)
    const providers = await providerCards(ctx.tenant)
    const own = await Tenant.query()
      .where('id', ctx.tenant.id)
      .select('mail_platform_fallback')
      .first()
    return ctx.inertia.render('integrations/credentials/index', {
      providers,
      mailFallback: {
        own: own?.mailPlatformFallback ?? null,
        effective: ctx.tenant.mailPlatformFallback,
      },
      reauthenticated: recentlyReauthenticated(ctx),
      isSubAgent: !!ctx.tenant.parentId && !ctx.tenant.isPlatform,
    })
  }
}
