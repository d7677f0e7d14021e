import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import BaseInertiaMiddleware from '@adonisjs/inertia/inertia_middleware'
import { brandCss, publicBrand } from '#app/brand/brand_tokens'
import { directionOf } from '#app/core/i18n/locales'
import { clientMessages, requestLocale } from '#app/core/i18n/request_locale'
import type User from '#app/auth/models/user'
import { moduleCatalog } from '#app/core/modules/registry'
import { moduleSharedProps } from '#app/core/http/shared_props'

/*
 * Props every page receives: errors, the notice and the texts here; the rest from the modules
 * (`app/<module>/shared_props.ts`: brand, tenant, user, menu, badge, company switcher…).
 */
export default class InertiaMiddleware extends BaseInertiaMiddleware {
  async share(ctx: HttpContext) {
    const user = ctx.auth?.use('web').user as User | undefined
    const locale = requestLocale(ctx, user?.locale)
    return {
      errors: ctx.inertia.always(this.getValidationErrors(ctx)),
      flash: ctx.inertia.always(ctx.session?.flashMessages.get('notice') ?? null),
      // The shared texts and the rendering module's, not the whole catalog (issue #12 §1).
      i18n: {
        locale,
        dir: directionOf(locale),
        messages: clientMessages(locale, (await moduleCatalog()).pageTextGroupsOf(ctx.route?.name)),
      },
      ...(await moduleSharedProps(ctx, { locale })),
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
