import type { HttpContext } from '@adonisjs/core/http'
import type { SharedPropsRequest } from '#app/core/http/shared_props'
import { menuOf } from '#app/menus/current_menu'

/* The tenant's menu for this person (issue #4 §2): from the registry, no query per item. */
export default async function menusSharedProps(ctx: HttpContext, { locale }: SharedPropsRequest) {
  return { menu: await menuOf(ctx, locale) }
}
