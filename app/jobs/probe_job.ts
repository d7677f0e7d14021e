import { defineJob } from '#app/jobs/queue'
import app from '@adonisjs/core/services/app'
import { recordSystemAudit } from '#app/audit/audit'
import { once } from '#app/jobs/idempotency'
import { sendTenantMailAfterCommit } from '#app/mail/tenant_mailer'

/*
 * The smallest tenant job: one audit entry in its tenant's transaction. It proves the worker end
 * to end (the bench measures it; tests run thousands) and can be sent from the failures screen.
 * `fail: true` makes every attempt throw, to see a dead letter arrive.
 */
export const probeJob = defineJob<{
  marker: string
  fail?: boolean
  /** Mails this address once per marker, however often the job runs (SECURITY J1). */
  mailTo?: string
}>({
  name: 'jobs.probe',
  retryLimit: 1,
  retryDelay: 1,
  async handle(payload, job) {
    if (payload.fail) throw new Error(`probe ${payload.marker} failed on attempt ${job.attempt}`)
    if (payload.mailTo) {
      const mailTo = payload.mailTo
      const tenant = (await (
        await app.container.make('tenancy.registry')
      ).tenant(payload.tenantId))!
      await once(`probe-mail:${payload.marker}`, async () =>
        sendTenantMailAfterCommit(tenant, {
          kind: 'probe',
          to: mailTo,
          subject: `Probe ${payload.marker}`,
          html: `<p>Probe ${payload.marker}</p>`,
          text: `Probe ${payload.marker}`,
        })
      )
    }
    await recordSystemAudit({
      action: 'jobs.probe',
      subjectType: 'job',
      subjectId: job.id,
      after: { marker: payload.marker, tenantId: payload.tenantId },
    })
  },
})

/*
 * A probe whose first attempt takes long: a worker killed during it leaves the job to expire
 * (5 s) and be offered again, and the second attempt finishes it (SECURITY J4).
 */
export const slowProbeJob = defineJob<{ marker: string; firstAttemptMs: number }>({
  name: 'jobs.slow_probe',
  retryLimit: 2,
  retryDelay: 1,
  expireInSeconds: 5,
  async handle(payload, job) {
    if (job.attempt === 1)
      await new Promise((resolve) => setTimeout(resolve, payload.firstAttemptMs))
    await recordSystemAudit({
      action: 'jobs.probe',
      subjectType: 'job',
      subjectId: job.id,
      after: { marker: payload.marker, tenantId: payload.tenantId, attempt: job.attempt },
    })
  },
})
