import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { runInTenant } from '#app/core/database/tenant_context'
import { recordSystemAudit } from '#app/audit/audit'
import { enqueueMany } from '#app/jobs/queue'
import { probeJob } from '#app/jobs/probe_job'

/* Bench only (routes registered with BENCH_ROUTES=true): see app/jobs/routes.ts. */
export default class BenchController {
  /** Enqueues `n` probe jobs for the host's tenant, in one transaction. */
  async enqueue({ request, tenant }: HttpContext) {
    const n = Math.min(50_000, Number(request.input('n', 1000)))
    const run = `bench-${Date.now()}`
    await runInTenant(db, tenant.id, () =>
      enqueueMany(
        probeJob,
        Array.from({ length: n }, (_, index) => ({ marker: `${run}-${index}` }))
      )
    )
    return { run, n }
  }

  /** How many of a run's jobs have written their row. */
  async done({ request, tenant }: HttpContext) {
    const run = String(request.input('run', ''))
    const [row] = await runInTenant(db, tenant.id, () =>
      db
        .from('audit_log')
        .where('action', 'jobs.probe')
        .whereRaw(`after->>'marker' like ?`, [`${run}-%`])
        .count('* as total')
    )
    return { done: Number(row.total) }
  }

  /** The same work without a queue: `n` tenant transactions one after the other. */
  async direct({ request, tenant }: HttpContext) {
    const n = Math.min(50_000, Number(request.input('n', 1000)))
    const started = performance.now()
    for (let index = 0; index < n; index++) {
      await runInTenant(db, tenant.id, () =>
        recordSystemAudit({ action: 'jobs.direct', after: { marker: `direct-${index}` } })
      )
    }
    return { n, ms: performance.now() - started }
  }
}
