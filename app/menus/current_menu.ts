import type { HttpContext } from '@adonisjs/core/http'
import { moduleCatalog } from '#app/core/modules/registry'
import { permissionsOf } from '#app/access/authorization'
import { currentTenantScope } from '#app/core/database/tenant_context'
import type { ResolvedTenant } from '#app/tenancy/tenant_registry'
import type { Locale } from '#app/core/i18n/locales'
import type User from '#app/auth/models/user'
import { menuRoutePaths } from '#app/menus/route_paths'
import { assertManifestIcons, withIcons } from '#app/menus/icons'
import type { RenderedMenu } from '#app/menus/pages'
import { availablePages, renderMenu, type AvailablePage, type Audience } from '#app/menus/menu_tree'

/* Pages per snapshot tenant: a new snapshot (any change) is a new object, so this never goes stale. */
const pagesCache = new WeakMap<ResolvedTenant, Map<Audience, Map<string, AvailablePage>>>()

export async function pagesFor(
  tenant: ResolvedTenant,
  audience: Audience
): Promise<Map<string, AvailablePage>> {
  let byAudience = pagesCache.get(tenant)
  if (!byAudience) pagesCache.set(tenant, (byAudience = new Map()))
  let pages = byAudience.get(audience)
  if (!pages) {
    const catalog = await moduleCatalog()
    assertManifestIcons(catalog)
    pages = availablePages(catalog, menuRoutePaths(), tenant, audience)
    byAudience.set(audience, pages)
  }
  return pages
}

/**
 * The signed-in person's menu: the tenant's menu for its audience, cut to its modules and the
 * permissions the request loaded already (no query of its own once a handler has authorized),
 * with the drawings of its icons and no others.
 */
export async function menuOf(ctx: HttpContext, locale: Locale): Promise<RenderedMenu> {
  const user = ctx.auth?.use('web').user as User | undefined
  // No person, or an error page rendered after the request's transaction has ended.
  if (!user || !currentTenantScope()?.trx) return { items: [], icons: {} }
  const permissions = await permissionsOf(ctx)
  const pages = await pagesFor(ctx.tenant, user.audience)
  return withIcons(
    renderMenu(
      ctx.tenant.menus.items[user.audience],
      pages,
      (key) => permissions.has(key),
      locale,
      ctx.tenant.locale
    )
  )
}
