import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import { authorize } from '#core/authorization'
import { validateTranslated } from '#core/http/validation'
import { auditPage } from '#access/queries/audit'

const filtersValidator = vine.create({
  action: vine.string().trim().maxLength(120).optional(),
  actor: vine.number().withoutDecimals().positive().optional(),
  from: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
  to: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
  page: vine.number().withoutDecimals().range([1, 10000]).optional(),
})

/* The tenant's audit log, for its staff. */
export default class AuditController {
  async index(ctx: HttpContext) {
    await authorize(ctx, 'access.audit.view')
    const filters = await validateTranslated(ctx, filtersValidator)
    // `to` is a day: everything before the next midnight.
    const to = filters.to ? new Date(filters.to.getTime() + 86_400_000) : undefined
    const page = filters.page ?? 1
    const result = await auditPage({ ...filters, to, page })
    return ctx.inertia.render('cabinet/audit', {
      ...result,
      page,
      filters: {
        action: filters.action ?? '',
        from: ctx.request.qs().from ?? '',
        to: ctx.request.qs().to ?? '',
      },
    })
  }
}
