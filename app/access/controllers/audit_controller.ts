import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import app from '@adonisjs/core/services/app'
import { authorize, scopeOf } from '#app/access/authorization'
import { withSubtreeReads } from '#app/core/database/subtree'
import { validateTranslated, idField } from '#app/core/http/validation'
import { auditPage } from '#app/access/queries/audit'

const filtersValidator = vine.create({
  action: vine.string().trim().maxLength(120).optional(),
  actor: idField().optional(),
  from: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
  to: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
  page: vine.number().withoutDecimals().range([1, 10000]).optional(),
  scope: vine.enum(['own', 'subtree'] as const).optional(),
})

/* The tenant's audit log, for its staff. */
export default class AuditController {
  async index(ctx: HttpContext) {
    await authorize(ctx, 'access.audit.view')
    const filters = await validateTranslated(ctx, filtersValidator)
    // `to` is a day: everything before the next midnight.
    const to = filters.to ? new Date(filters.to.getTime() + 86_400_000) : undefined
    const page = filters.page ?? 1
    // The subtree's log needs a subtree grant; an `own` grant quietly stays in its tenant.
    const subtree =
      filters.scope === 'subtree' && (await scopeOf(ctx, 'access.audit.view')) === 'subtree'
    const result = subtree
      ? await withSubtreeReads(ctx.tenant.path, () =>
          auditPage({ ...filters, to, page, subtreePath: ctx.tenant.path })
        )
      : await auditPage({ ...filters, to, page })
    const registry = await app.container.make('tenancy.registry')
    const names = new Map((await registry.all()).map((tenant) => [tenant.id, tenant.name]))
    return ctx.inertia.render('access/audit/index', {
      ...result,
      rows: result.rows.map((row) => ({ ...row, tenant: names.get(row.tenantId) ?? '' })),
      scope: subtree ? 'subtree' : 'own',
      canSubtree: (await scopeOf(ctx, 'access.audit.view')) === 'subtree',
      page,
      filters: {
        action: filters.action ?? '',
        from: ctx.request.qs().from ?? '',
        to: ctx.request.qs().to ?? '',
      },
    })
  }
}
