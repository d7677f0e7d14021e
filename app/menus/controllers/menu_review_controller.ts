import type { HttpContext } from '@adonisjs/core/http'
import { authorize } from '#app/access/authorization'
import { validateTranslated } from '#app/core/http/validation'
import { notFound } from '#app/core/http/params'
import { requestLocale } from '#app/core/i18n/request_locale'
import type User from '#app/auth/models/user'
import Role from '#app/tenancy/models/role'
import { pagesFor } from '#app/menus/current_menu'
import { renderMenu, type MenuNode } from '#app/menus/menu_tree'
import { reviewFor } from '#app/menus/actions/save_menu'
import { reviewValidator } from '#app/menus/validators'
import { withIcons } from '#app/menus/icons'
import { audienceOf, normalized } from '#app/menus/menu_input'
import { explained } from '#app/menus/review_messages'

/** Refusals, flags and (for a role) the preview of a draft, without saving it. */
export default class MenuReviewController {
  async handle(ctx: HttpContext) {
    await authorize(ctx, 'menus.menus.manage')
    const audience = audienceOf(ctx.params.audience)
    const input = await validateTranslated(ctx, reviewValidator)
    const items = normalized(input.items as MenuNode[])
    const review = await reviewFor(ctx.tenant, audience, items)
    let preview = null
    if (input.roleId !== undefined) {
      // One of this tenant's roles of the audience; anything else is not there.
      const role = await Role.query().where('id', input.roleId).where('audience', audience).first()
      if (!role) throw notFound()
      const holds = new Set(role.permissions.filter((key) => ctx.tenant.access.ceiling.has(key)))
      const user = ctx.auth.use('web').user as User
      preview = withIcons(
        renderMenu(
          items,
          await pagesFor(ctx.tenant, audience),
          (key) => holds.has(key),
          requestLocale(ctx, user.locale),
          ctx.tenant.locale
        )
      )
    }
    return { ...explained(ctx, review), preview }
  }
}
