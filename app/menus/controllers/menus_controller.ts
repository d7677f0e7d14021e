import type { HttpContext } from '@adonisjs/core/http'
import { refuse } from '#app/core/http/form_outcome'
import { authorize, can } from '#app/access/authorization'
import { validateTranslated } from '#app/core/http/validation'
import { recordAudit } from '#app/audit/audit'
import { translatorFor } from '#app/core/i18n/request_locale'
import { moduleCatalog } from '#app/core/modules/registry'
import type User from '#app/auth/models/user'
import app from '@adonisjs/core/services/app'
import { pagesFor } from '#app/menus/current_menu'
import type { MenuNode } from '#app/menus/menu_tree'
import { SaveMenu, reviewFor, rolesOf } from '#app/menus/actions/save_menu'
import { menuValidator } from '#app/menus/validators'
import { iconNodes, iconsIn } from '#app/menus/icons'
import { audienceOf, normalized } from '#app/menus/menu_input'
import { explained } from '#app/menus/review_messages'

/* The menu builder: what each audience of this tenant sees in its navigation. */
export default class MenusController {
  async index(ctx: HttpContext) {
    await authorize(ctx, 'menus.menus.manage')
    const audience = audienceOf(ctx.request.input('audience'))
    const catalog = await moduleCatalog()
    const pages = await pagesFor(ctx.tenant, audience)
    const roles = await rolesOf(ctx.tenant, audience)
    const items = ctx.tenant.menus.items[audience]
    const registry = await app.container.make('tenancy.registry')
    const subAgents = (await registry.all()).filter((other) => other.parentId === ctx.tenant.id)
    return ctx.inertia.render('menus/menus/index', {
      audience,
      items,
      editable: ctx.tenant.menus.editable[audience],
      pages: [...pages.values()].map((page) => ({
        route: page.route,
        label: page.label,
        icon: page.icon,
        enabled: page.enabled,
        module: catalog.modules.get(page.module)?.label ?? page.label,
      })),
      roles: roles.map(({ role }) => ({ id: role.id, name: role.name })),
      // The drawings of what the tree and the page list show; the picker searches for others.
      icons: iconNodes([...iconsIn(items), ...[...pages.values()].map((page) => page.icon)]),
      tenantLocale: ctx.tenant.locale,
      review: explained(ctx, await reviewFor(ctx.tenant, audience, items)),
      subAgents: subAgents.length,
      can: { push: subAgents.length > 0 && (await can(ctx, 'access.subagents.manage')) },
    })
  }

  async update(ctx: HttpContext) {
    await authorize(ctx, 'menus.menus.manage')
    const audience = audienceOf(ctx.params.audience)
    const input = await validateTranslated(ctx, menuValidator)
    const items = normalized(input.items as MenuNode[])
    const user = ctx.auth.use('web').user as User
    const result = await new SaveMenu().handle(ctx.tenant, audience, items, user.id)
    const t = translatorFor(ctx)
    if (!result.ok && result.error === 'managed_by_parent') {
      return refuse(ctx, 409, {
        errors: [{ field: 'items', message: t.t('ui.menus.errors.managed_by_parent') }],
      })
    }
    if (!result.ok) {
      return refuse(ctx, 422, {
        errors: [{ field: 'items', message: t.t('ui.menus.errors.invalid') }],
        ...explained(ctx, result.review),
      })
    }
    await recordAudit(ctx, {
      action: 'menus.menu_saved',
      subjectType: 'tenant',
      subjectId: ctx.tenant.id,
      before: { audience, items: result.before },
      after: { audience, items },
    })
    return { ok: true, message: t.t('ui.menus.saved'), ...explained(ctx, result.review) }
  }
}
