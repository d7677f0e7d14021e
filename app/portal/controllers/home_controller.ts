import { urlFor } from '@adonisjs/core/services/url_builder'
import type { HttpContext } from '@adonisjs/core/http'
import { authorize } from '#app/access/authorization'
import type User from '#app/auth/models/user'
import { moduleCatalog } from '#app/core/modules/registry'

/*
 * `/`: the home of the signed-in person. The platform's staff land in the console; everyone else
 * gets the home the module of their shell declares (app/cabinet for staff, app/portal for clients).
 */
export default class HomeController {
  async handle(ctx: HttpContext) {
    if (ctx.tenant.isPlatform) {
      await authorize(ctx, 'platform.tenants.view')
      return ctx.response.redirect(urlFor('console.index'))
    }
    const { audience } = ctx.auth.use('web').user as User
    const home = (await moduleCatalog()).homes.get(audience)
    if (!home) throw new Error(`No module declares the ${audience} home`)
    const { default: render } = await home.render()
    return render(ctx)
  }
}
