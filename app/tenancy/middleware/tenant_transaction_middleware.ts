import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import db from '@adonisjs/lucid/services/db'
import { openTenantTransaction, withTenantScope } from '#app/core/database/tenant_context'
import { wasRefused } from '#app/core/http/form_outcome'
import { flushDurableAudit, recordAudit, wasAudited } from '#app/audit/audit'
import { moduleCatalog } from '#app/core/modules/registry'

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/*
 * Runs the rest of the request inside one transaction scoped to the request's tenant.
 * AdonisJS turns a handler's exception into a response before `next()` returns, so the
 * outcome is read from what the handler did, not from the status (which protocols reuse: an
 * Inertia visit to another domain is a 409 that must commit): a handler that threw (marked by
 * the exception handler) or refused its input (core/http/form_outcome) rolls back; so does
 * any 5xx, whoever wrote it.
 *
 * Every accepted write on a route that needs a permission is audited in the same
 * transaction; audit entries that must survive a rollback are written after it.
 */
export default class TenantTransactionMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const trx = await openTenantTransaction(db, db.primaryConnectionName, ctx.tenant.id)
    try {
      await withTenantScope({ tenantId: ctx.tenant.id, trx }, async () => {
        await next()
        if (!trx.isCompleted && (await this.#auditable(ctx))) {
          await recordAudit(ctx, {
            action: ctx.route!.name!,
            subjectId: ctx.params.id,
            after: ctx.params.domainId ? { domainId: ctx.params.domainId } : undefined,
          })
        }
      })
      if (!trx.isCompleted) {
        if (ctx.response.getStatus() < 500 && !wasRefused(ctx)) await trx.commit()
        else await trx.rollback()
      }
    } catch (error) {
      if (!trx.isCompleted) await trx.rollback()
      throw error
    }
    // The request's connection is back in the pool before the durable entries take one.
    await flushDurableAudit(ctx, db)
  }

  /** An accepted write on a route that asks for a permission (public routes audit themselves). */
  async #auditable(ctx: HttpContext) {
    if (!WRITES.has(ctx.request.method()) || !ctx.route?.name) return false
    if (ctx.response.getStatus() >= 500 || wasRefused(ctx) || wasAudited(ctx)) return false
    const access = (await moduleCatalog()).routes.get(ctx.route.name)
    return !!access && !('public' in access)
  }
}
