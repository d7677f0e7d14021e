import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import db from '@adonisjs/lucid/services/db'
import { openTenantTransaction, withTenantScope } from '#core/database/tenant_context'
import { wasRefused } from '#core/http/form_outcome'

/*
 * Runs the rest of the request inside one transaction scoped to the request's tenant.
 * AdonisJS turns a handler's exception into a response before `next()` returns, so the
 * outcome is read from the status: below 400 commits, anything else rolls back, and so does
 * a refused form (answered with a redirect back to it).
 */
export default class TenantTransactionMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const trx = await openTenantTransaction(db, db.primaryConnectionName, ctx.tenant.id)
    try {
      await withTenantScope({ tenantId: ctx.tenant.id, trx }, () => next())
      if (trx.isCompleted) return
      if (ctx.response.getStatus() < 400 && !wasRefused(ctx)) await trx.commit()
      else await trx.rollback()
    } catch (error) {
      if (!trx.isCompleted) await trx.rollback()
      throw error
    }
  }
}
