/*
 * The worker (issue #4 §7): fetches jobs in batches (pg-boss fetches one job per poll by default,
 * about 17 jobs/s here; a batch of 50 with a short idle poll keeps up with the database), runs
 * each inside its tenant's transaction, and reports each job's outcome on its own. A job with no
 * tenant is refused outright, never run. A job that used up its retries is recorded as a dead
 * letter in its tenant's `job_failures`.
 */
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import type { JobResult, JobWithMetadata } from 'pg-boss'
import { runInTenant } from '#app/core/database/tenant_context'
import {
  ensureQueue,
  jobDefinitions,
  JOBS_CONNECTION,
  queue,
  type JobDefinition,
} from '#app/jobs/queue'
import { scheduledTasks } from '#app/jobs/schedules'
import { insideJob } from '#app/jobs/job_context'
import { announceDeadLetter } from '#app/jobs/dead_letters'

/* A batch of 50; while batches come back full, fetch again at once (no idle poll between). */
export const WORKER_DEFAULTS = {
  batchSize: 50,
  pollingIntervalSeconds: 0.5,
  burstWhenBatchFull: true,
}

function tenantOf(data: unknown): number | null {
  const tenantId = (data as { tenantId?: unknown } | null)?.tenantId
  return Number.isSafeInteger(tenantId) && (tenantId as number) > 0 ? (tenantId as number) : null
}

async function runOne(
  definition: JobDefinition,
  job: JobWithMetadata<Record<string, unknown>>
): Promise<{ id: string; error?: Error }> {
  if (definition.scope === 'platform') {
    try {
      await definition.handle(
        { ...job.data, tenantId: 0 },
        { id: job.id, attempt: job.retryCount + 1 }
      )
      return { id: job.id }
    } catch (error) {
      return { id: job.id, error: error instanceof Error ? error : new Error(String(error)) }
    }
  }
  const tenantId = tenantOf(job.data)
  if (tenantId === null) {
    logger.error({ job: job.id, queue: job.name }, 'job without a tenant refused')
    return { id: job.id, error: new Error('job has no tenantId: refused') }
  }
  try {
    await insideJob(() =>
      runInTenant(
        db,
        tenantId,
        () =>
          definition.handle({ ...job.data, tenantId }, { id: job.id, attempt: job.retryCount + 1 }),
        JOBS_CONNECTION
      )
    )
    return { id: job.id }
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error))
    if (job.retryCount >= job.retryLimit) {
      // The last attempt: kept for staff, in the tenant's own dead-letter store, and the staff
      // who handle them are told (issue #4 §9).
      await runInTenant(
        db,
        tenantId,
        async () => {
          const recorded = await db
            .table('job_failures')
            .insert({
              tenant_id: tenantId,
              queue: job.name,
              job_id: job.id,
              payload: JSON.stringify(job.data),
              error: failure.message.slice(0, 2000),
              attempts: job.retryCount + 1,
            })
            .onConflict(['tenant_id', 'job_id'])
            .ignore()
            .returning('job_id')
          if (recorded.length > 0) {
            await announceDeadLetter({
              queue: job.name,
              attempts: job.retryCount + 1,
              error: failure.message.slice(0, 300),
            })
          }
        },
        JOBS_CONNECTION
      ).catch((writeError) => logger.error({ err: writeError }, 'dead letter not recorded'))
    }
    return { id: job.id, error: failure }
  }
}

export interface WorkerOptions {
  batchSize?: number
  pollingIntervalSeconds?: number
  burstWhenBatchFull?: boolean
}

/** Starts working every defined job's queue in this process, and registers the schedules. */
export async function startWorker(options: WorkerOptions = {}) {
  const instance = await queue()
  const settings = { ...WORKER_DEFAULTS, ...options }
  // pg-boss fires each cron once across every process that registered it.
  for (const { task } of scheduledTasks().values()) {
    const trigger = jobDefinitions().get(`${task.task}.fanout`)!
    await ensureQueue(instance, trigger)
    await instance.schedule(trigger.name, task.cron, {}, { tz: 'UTC' })
  }
  for (const definition of jobDefinitions().values()) {
    await ensureQueue(instance, definition)
    await instance.work(
      definition.name,
      {
        batchSize: definition.batchSize ?? settings.batchSize,
        localConcurrency: definition.workers ?? 1,
        pollingIntervalSeconds: settings.pollingIntervalSeconds,
        burstWhenBatchFull: settings.burstWhenBatchFull,
        includeMetadata: true,
        perJobResults: true,
      },
      async (jobs: JobWithMetadata<Record<string, unknown>>[]) => {
        const results: JobResult[] = []
        // One after the other: each in its own tenant transaction, on the app's pool.
        for (const job of jobs) {
          const result = await runOne(definition, job)
          results.push(
            result.error
              ? { id: result.id, status: 'failed', output: { message: result.error.message } }
              : { id: result.id, status: 'completed' }
          )
        }
        return results
      }
    )
  }
}
