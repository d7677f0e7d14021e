import { defineJob } from '#jobs/queue'
import { recordSystemAudit } from '#audit/audit'

/*
 * The smallest tenant job: one audit entry in its tenant's transaction. It proves the worker end
 * to end (the bench measures it; tests run thousands) and can be sent from the failures screen.
 * `fail: true` makes every attempt throw, to see a dead letter arrive.
 */
export const probeJob = defineJob<{ marker: string; fail?: boolean }>({
  name: 'jobs.probe',
  retryLimit: 1,
  retryDelay: 1,
  async handle(payload, job) {
    if (payload.fail) throw new Error(`probe ${payload.marker} failed on attempt ${job.attempt}`)
    await recordSystemAudit({
      action: 'jobs.probe',
      subjectType: 'job',
      subjectId: job.id,
      after: { marker: payload.marker, tenantId: payload.tenantId },
    })
  },
})
