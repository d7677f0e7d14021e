import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

export const SESSION_TENANT_KEY = 'tenant_id'

/*
 * Requires a signed-in user of this tenant. A session opened on another tenant's domain
 * (should one ever reach us) is ended, not honoured.
 */
export default class AuthMiddleware {
  async handle(ctx: HttpContext, next: NextFn, options: { audience?: 'staff' | 'client' } = {}) {
    const user = await ctx.auth
      .use('web')
      .check()
      .then(() => ctx.auth.use('web').user)
    const sessionTenant = ctx.session.get(SESSION_TENANT_KEY)
    if (!user || sessionTenant !== ctx.tenant.id || user.status !== 'active') {
      if (user) await ctx.auth.use('web').logout()
      if (ctx.request.accepts(['html', 'json']) === 'json' && !ctx.request.header('x-inertia')) {
        return ctx.response.unauthorized({ error: 'unauthenticated' })
      }
      return ctx.response.redirect('/login')
    }
    if (options.audience && user.audience !== options.audience) {
      return ctx.response.redirect('/')
    }
    return next()
  }
}
