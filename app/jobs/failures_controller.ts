import { urlFor } from '@adonisjs/core/services/url_builder'
import type { HttpContext } from '@adonisjs/core/http'
import { authorize } from '#app/access/authorization'
import JobFailure from '#app/jobs/models/job_failure'
import { idParam, notFound } from '#app/core/http/params'
import { acceptForm } from '#app/core/http/form_outcome'
import { recordAudit } from '#app/audit/audit'
import type User from '#app/auth/models/user'
import { enqueue, jobDefinitions } from '#app/jobs/queue'
import '#app/jobs/registry'

/* The dead letters of this tenant: read them, and send one again. */
export default class FailuresController {
  async index(ctx: HttpContext) {
    await authorize(ctx, 'jobs.failures.manage')
    const rows = await JobFailure.query()
      .orderBy('failed_at', 'desc')
      .orderBy('id', 'desc')
      .limit(200)
      .pojo<Record<string, unknown>>()
    return ctx.inertia.render('jobs/failures/index', {
      failures: rows.map((row) => ({
        id: Number(row.id),
        queue: row.queue as string,
        error: row.error as string,
        attempts: row.attempts as number,
        payload: JSON.stringify(row.payload),
        failedAt: new Date(row.failed_at as Date).toISOString(),
        retriedAt: row.retried_at ? new Date(row.retried_at as Date).toISOString() : null,
      })),
    })
  }

  async retry(ctx: HttpContext) {
    await authorize(ctx, 'jobs.failures.manage')
    const id = idParam(ctx.params.id)
    const row = id ? await JobFailure.query().where('id', id).forUpdate().first() : null
    const definition = row ? jobDefinitions().get(row.queue) : undefined
    if (!row || !definition) throw notFound()
    // The tenant comes from this request's transaction again, never from the stored payload.
    const payload = { ...row.payload }
    delete payload.tenantId
    // In this request's transaction: the retry and its record commit together.
    const jobId = await enqueue(definition, payload)
    const user = ctx.auth.use('web').user as User
    await JobFailure.query()
      .where('id', id!)
      .update({ retried_at: new Date(), retried_by: user.id })
    await recordAudit(ctx, {
      action: 'jobs.retried',
      subjectType: 'job_failure',
      subjectId: id!,
      after: { queue: row.queue, jobId },
    })
    return acceptForm(ctx, urlFor('cabinet.jobs.failures'), 'ui.job_failures.retried', { jobId })
  }
}
