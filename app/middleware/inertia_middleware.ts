import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import BaseInertiaMiddleware from '@adonisjs/inertia/inertia_middleware'
import { brandCss, publicBrand } from '#app/brand/brand_tokens'
import { directionOf } from '#app/core/i18n/locales'
import { clientMessages, requestLocale } from '#app/core/i18n/request_locale'
import type User from '#app/auth/models/user'
import { holdingOf } from '#app/access/authorization'
import { moduleCatalog } from '#app/core/modules/registry'
import { currentTenantScope } from '#app/core/database/tenant_context'
import { liveSessionOf } from '#app/auth/middleware/auth_middleware'
import { menuOf } from '#app/menus/current_menu'
import { unreadCount } from '#app/notifications/inbox'
import { IMPERSONATION_KEY, type ImpersonationInfo } from '#app/auth/impersonation'

/* Props every page receives: the tenant's brand, locale settings and the signed-in user. */
export default class InertiaMiddleware extends BaseInertiaMiddleware {
  async share(ctx: HttpContext) {
    // The guard's user: our auth middleware checks the guard, not `auth.authenticate()`.
    const user = ctx.auth?.use('web').user as User | undefined
    const locale = requestLocale(ctx, user?.locale)
    return {
      errors: ctx.inertia.always(this.getValidationErrors(ctx)),
      flash: ctx.inertia.always(ctx.session?.flashMessages.get('notice') ?? null),
      brand: publicBrand(ctx.tenant.brand),
      tenant: {
        slug: ctx.tenant.slug,
        isPlatform: ctx.tenant.isPlatform,
        timeZone: ctx.tenant.timeZone,
        calendar: ctx.tenant.calendar,
        currency: ctx.tenant.currency,
      },
      // The shared texts and the rendering module's, not the whole catalog (issue #12 §1).
      i18n: {
        locale,
        dir: directionOf(locale),
        messages: clientMessages(locale, (await moduleCatalog()).pageTextGroupsOf(ctx.route?.name)),
      },
      user: user
        ? { id: user.id, fullName: user.fullName, email: user.email, audience: user.audience }
        : null,
      // The tenant's menu for this person (issue #4 §2): from the registry, no query per item.
      menu: await menuOf(ctx, locale),
      // The bell's badge (issue #4 §9): one count on an index of the person's unread ones.
      unreadNotifications: user && currentTenantScope()?.trx ? await unreadCount(user.id) : null,
      // The company switcher: loaded with the permissions already, so no extra query.
      holding: user?.audience === 'client' ? await sharedHolding(ctx) : null,
      // The banner: who is really acting, while someone impersonates this person.
      impersonation: liveSessionOf(ctx)?.impersonatorUserId
        ? {
            byName:
              (ctx.session.get(IMPERSONATION_KEY) as ImpersonationInfo | undefined)?.byName ?? '',
          }
        : null,
    }
  }

  async handle(ctx: HttpContext, next: NextFn) {
    // The root layout prints the brand before any script runs: no flash of another brand.
    const brand = publicBrand(ctx.tenant.brand)
    ctx.view.share({
      brandCss: brandCss(ctx.tenant.brand),
      brandName: brand.name,
      faviconUrl: brand.faviconUrl,
    })
    await this.init(ctx)
    const output = await next()
    this.dispose(ctx)
    return output
  }
}

async function sharedHolding(ctx: HttpContext) {
  // An error page rendered after the request's transaction has ended shows no switcher.
  if (!currentTenantScope()?.trx) return null
  const { companies, activeCompany } = await holdingOf(ctx)
  return {
    companies: companies.map((company) => ({ id: company.clientId, name: company.name })),
    activeId: activeCompany?.clientId ?? null,
  }
}
