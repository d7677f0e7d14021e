import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { renderNeutralNotFound } from '#app/core/http/neutral_not_found'

/* The console exists only on PLATFORM_DOMAIN; on any tenant's host it is not there at all. */
export default class PlatformOnlyMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    if (!ctx.tenant.isPlatform) return renderNeutralNotFound(ctx)
    return next()
  }
}
