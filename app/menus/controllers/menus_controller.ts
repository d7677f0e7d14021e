import type { HttpContext } from '@adonisjs/core/http'
import { refuse } from '#app/core/http/form_outcome'
import { authorize, can } from '#app/access/authorization'
import { validateTranslated } from '#app/core/http/validation'
import { notFound } from '#app/core/http/params'
import { recordAudit } from '#app/audit/audit'
import { translatorFor, requestLocale } from '#app/core/i18n/request_locale'
import { moduleCatalog } from '#app/core/modules/registry'
import type User from '#app/auth/models/user'
import Role from '#app/tenancy/models/role'
import app from '@adonisjs/core/services/app'
import { pagesFor } from '#app/menus/current_menu'
import { renderMenu, type Audience, type MenuNode, type MenuReview } from '#app/menus/menu_tree'
import { SaveMenu, reviewFor, rolesOf } from '#app/menus/actions/save_menu'
import { PushMenu } from '#app/menus/actions/push_menu'
import { iconNodes, iconsIn, searchIcons, withIcons } from '#app/menus/icons'
import {
  iconSearchValidator,
  menuValidator,
  pushValidator,
  reviewValidator,
} from '#app/menus/validators'

const audienceOf = (value: unknown): Audience => (value === 'client' ? 'client' : 'staff')

/* The validated tree, as stored: blank labels dropped, children only on groups. */
function normalized(items: Array<MenuNode & { children?: MenuNode[] }>): MenuNode[] {
  const node = (input: MenuNode, nested: boolean): MenuNode => {
    const label = Object.fromEntries(
      Object.entries(input.label).filter(([, text]) => typeof text === 'string' && text !== '')
    )
    const base: MenuNode = { id: input.id, kind: input.kind, label, icon: input.icon ?? null }
    if (input.kind === 'page') base.route = input.route
    if (input.kind === 'link') base.url = input.url
    if (input.kind === 'group' || (!nested && input.children?.length)) {
      base.children = (input.children ?? []).map((child) => node(child, true))
    }
    return base
  }
  return items.map((item) => node(item, false))
}

/* Refusals and flags with their messages in the reader's language. */
function explained(ctx: HttpContext, review: MenuReview) {
  const t = translatorFor(ctx)
  return {
    problems: review.problems.map((entry) => ({
      ...entry,
      message: t.t(`ui.menus.problems.${entry.problem}`),
    })),
    warnings: review.warnings.map((entry) => ({
      ...entry,
      message: t.t(`ui.menus.warnings.${entry.warning}`),
    })),
  }
}

/* The menu builder: what each audience of this tenant sees in its navigation. */
export default class MenusController {
  async index(ctx: HttpContext) {
    await authorize(ctx, 'menus.menus.manage')
    const audience = audienceOf(ctx.request.input('audience'))
    const catalog = await moduleCatalog()
    const pages = await pagesFor(ctx.tenant, audience)
    const roles = await rolesOf(ctx.tenant, audience)
    const items = ctx.tenant.menus[audience]
    const registry = await app.container.make('tenancy.registry')
    const subAgents = (await registry.all()).filter((other) => other.parentId === ctx.tenant.id)
    return ctx.inertia.render('menus/menus/index', {
      audience,
      items,
      editable: ctx.tenant.menuEditable[audience],
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

  /** Refusals, flags and (for a role) the preview of a draft, without saving it. */
  async review(ctx: HttpContext) {
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
      const holds = new Set(role.permissions.filter((key) => ctx.tenant.ceiling.has(key)))
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

  /** The picker's search over every lucide icon: names and drawings, the closest first. */
  async icons(ctx: HttpContext) {
    await authorize(ctx, 'menus.menus.manage')
    const { q } = await validateTranslated(ctx, iconSearchValidator)
    return { icons: searchIcons(q ?? '') }
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

  async push(ctx: HttpContext) {
    await authorize(ctx, 'menus.menus.manage')
    await authorize(ctx, 'access.subagents.manage')
    const audience = audienceOf(ctx.params.audience)
    const { editable } = await validateTranslated(ctx, pushValidator)
    const user = ctx.auth.use('web').user as User
    const result = await new PushMenu().handle(ctx.tenant, audience, editable, user.id)
    await recordAudit(ctx, {
      action: 'menus.menu_pushed',
      subjectType: 'tenant',
      subjectId: ctx.tenant.id,
      after: { audience, editable, tenants: result.tenants, dropped: result.dropped },
    })
    return {
      ok: true,
      ...result,
      message: translatorFor(ctx).t('ui.menus.pushed', result),
    }
  }
}
