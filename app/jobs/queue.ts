/*
 * Background jobs (issue #4 §7) on pg-boss, in PostgreSQL beside the data they touch.
 *  - `enqueue` writes the job in the caller's tenant transaction: rolled back, it never exists
 *    (SECURITY J5); committed, a worker picks it up.
 *  - Every payload carries the tenant it belongs to, taken from the transaction's scope, never
 *    from the caller; the worker runs the handler inside that tenant's transaction and refuses
 *    a job without one.
 *  - Each job declares its retries (exponential backoff, capped); one that uses them up is kept
 *    as a dead letter in `job_failures` for staff to read and retry (J2, J3).
 */
import { PgBoss, fromKnex } from 'pg-boss'
import env from '#start/env'
import { currentTenantScope } from '#app/core/database/tenant_context'

export const JOB_SCHEMA = 'pgboss'

/** The worker's own connection pool (config/database.ts): jobs never starve requests. */
export const JOBS_CONNECTION = 'jobs'

export interface JobDefinition<Payload extends object = Record<string, unknown>> {
  name: string
  /**
   * `tenant` (the default): the payload names its tenant and the handler runs in its transaction.
   * `platform`: a scheduler's trigger that belongs to no tenant and only fans out.
   */
  scope?: 'tenant' | 'platform'
  /** Attempts after the first (default 3). */
  retryLimit?: number
  /** Seconds before the first retry; doubled each time, capped at `retryDelayMax` (default 1). */
  retryDelay?: number
  retryDelayMax?: number
  /**
   * Seconds a running attempt may take (default 15 min). Past it the attempt counts as failed
   * and the job is offered again: that is how a job whose worker was killed comes back.
   */
  expireInSeconds?: number
  /**
   * Workers per process for this queue, each fetching `batchSize` jobs at a time (default: one
   * worker with the worker's batch). A job that waits on another party (a mail server) uses a few
   * small ones, so one tenant's slow server holds up its own job, not a batch of other tenants'.
   */
  workers?: number
  batchSize?: number
  /** Runs inside the payload's tenant transaction; throwing fails the attempt. */
  handle(
    payload: Payload & { tenantId: number },
    job: { id: string; attempt: number }
  ): Promise<void>
}

// `any`: each job has its own payload type; a definition checks its own payload.
const definitions = new Map<string, JobDefinition<any>>()

export function defineJob<Payload extends object>(definition: JobDefinition<Payload>) {
  definitions.set(definition.name, definition)
  return definition
}

export function jobDefinitions(): ReadonlyMap<string, JobDefinition> {
  return definitions
}

let boss: PgBoss | null = null
let starting: Promise<PgBoss> | null = null

/**
 * Whether this process takes part in pg-boss's supervision (failing expired attempts and pruning,
 * through a per-queue claim any process may win). Every process does, except the test runner's:
 * tests/bootstrap.ts turns it off before the queue starts, so the workers a test spawns do it, as
 * in production, and a supervision pass stalled in the busy test process cannot hold the claim.
 */
export const queueSettings = { supervise: true }

/** The process's pg-boss, on the runtime role; it never changes the schema (migrations do). */
export function queue(): Promise<PgBoss> {
  starting ??= (async () => {
    const instance = new PgBoss({
      connectionString: env.get('DATABASE_URL'),
      schema: JOB_SCHEMA,
      migrate: false,
      createSchema: false,
      max: 4,
      application_name: 'kabinet-jobs',
      // How often expired attempts (a worker killed mid-job) are failed and offered again.
      supervise: queueSettings.supervise,
      superviseIntervalSeconds: 10,
    })
    instance.on('error', (error) => {
      // A lost connection is retried by pg-boss; it must never crash the process.
      console.error('job queue:', error.message)
    })
    await instance.start()
    boss = instance
    return instance
  })()
  return starting
}

const ensured = new Map<string, Promise<void>>()

/** Creates (or updates) a job's queue with its retry policy, once per process. */
// `any`: works for any job's definition; only its name and retry policy are read.
export function ensureQueue(instance: PgBoss, definition: JobDefinition<any>): Promise<void> {
  let pending = ensured.get(definition.name)
  if (!pending) {
    const options = {
      retryLimit: definition.retryLimit ?? 3,
      retryDelay: definition.retryDelay ?? 1,
      retryBackoff: true,
      retryDelayMax: definition.retryDelayMax ?? 60,
      ...(definition.expireInSeconds ? { expireInSeconds: definition.expireInSeconds } : {}),
    }
    pending = (async () => {
      if (await instance.getQueue(definition.name))
        await instance.updateQueue(definition.name, options)
      else await instance.createQueue(definition.name, options)
    })()
    ensured.set(definition.name, pending)
  }
  return pending
}

export class MissingTenantForJob extends Error {
  constructor(name: string) {
    super(`Job ${name} enqueued outside a tenant transaction`)
  }
}

/**
 * Enqueues a job in the current tenant transaction, for the current tenant. Returns its id.
 * `singletonKey` makes a second enqueue with the same key a no-op while the first is pending.
 */
export async function enqueue<Payload extends object>(
  definition: JobDefinition<Payload>,
  payload: Payload,
  options: { singletonKey?: string; startAfterSeconds?: number } = {}
): Promise<string | null> {
  const scope = currentTenantScope()
  if (!scope?.trx || scope.trx.isCompleted) throw new MissingTenantForJob(definition.name)
  const instance = await queue()
  await ensureQueue(instance, definition)
  return instance.send(
    definition.name,
    { ...payload, tenantId: scope.tenantId },
    {
      db: fromKnex(scope.trx.knexClient),
      singletonKey: options.singletonKey,
      startAfter: options.startAfterSeconds,
    }
  )
}

/** Enqueues many jobs of one kind at once, in the current tenant transaction. */
export async function enqueueMany<Payload extends object>(
  definition: JobDefinition<Payload>,
  payloads: Payload[]
): Promise<void> {
  const scope = currentTenantScope()
  if (!scope?.trx || scope.trx.isCompleted) throw new MissingTenantForJob(definition.name)
  const instance = await queue()
  await ensureQueue(instance, definition)
  await instance.insert(
    definition.name,
    payloads.map((payload) => ({ data: { ...payload, tenantId: scope.tenantId } })),
    { db: fromKnex(scope.trx.knexClient) }
  )
}

/** Stops the queue: workers finish the jobs in hand (up to `timeoutMs`), then connections close. */
export async function stopQueue(timeoutMs = 30_000) {
  const instance = boss ?? (starting ? await starting : null)
  boss = null
  starting = null
  ensured.clear()
  await instance?.stop({ graceful: true, timeout: timeoutMs, close: true })
}
