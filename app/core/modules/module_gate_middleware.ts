import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { moduleCatalog } from '#app/core/modules/registry'
import { renderNeutralNotFound } from '#app/core/http/neutral_not_found'
import { wantsJson } from '#app/core/http/wants_json'

/*
 * A business module switched off for the request's tenant does not exist there: its routes
 * answer the neutral 404 (its data stays, issue #4 §1). Runs for every route once it is matched.
 */
export default class ModuleGateMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const module = (await moduleCatalog()).toggleableModuleOf(ctx.route?.name)
    if (module && ctx.tenant && !ctx.tenant.modules.has(module)) {
      if (wantsJson(ctx)) return ctx.response.notFound({ error: 'not_found' })
      return renderNeutralNotFound(ctx)
    }
    return next()
  }
}
