import type { HttpContext } from '@adonisjs/core/http'
import { authorize } from '#app/access/authorization'
import { validateTranslated } from '#app/core/http/validation'
import { searchIcons } from '#app/menus/icons'
import { iconSearchValidator } from '#app/menus/validators'

/* The icon picker's search over every lucide icon: names and drawings, the closest first. */
export default class MenuIconsController {
  async handle(ctx: HttpContext) {
    await authorize(ctx, 'menus.menus.manage')
    const { q } = await validateTranslated(ctx, iconSearchValidator)
    return { icons: searchIcons(q ?? '') }
  }
}
