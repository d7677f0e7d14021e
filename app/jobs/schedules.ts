/*
 * Scheduled work (issue #4 §7): a cron fires one platform job, which fans out one job per
 * active tenant; each tenant's job first claims its (task, slot) in `scheduled_runs`, so the
 * task runs once per tenant per slot however many schedulers fired (SECURITY J8).
 */
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { currentTenantScope, runInTenant } from '#app/core/database/tenant_context'
import { defineJob, enqueue, JOBS_CONNECTION, type JobDefinition } from '#app/jobs/queue'

export interface ScheduledTask {
  task: string
  /** pg-boss cron, UTC. */
  cron: string
  /** The slot a run belongs to (a day for a daily task). */
  slotOf(date: Date): string
  /** Runs in a tenant's transaction, once per slot. */
  run(tenantId: number, slot: string): Promise<void>
}

const tasks = new Map<string, { task: ScheduledTask; perTenant: JobDefinition<{ slot: string }> }>()

export function defineSchedule(task: ScheduledTask) {
  const perTenant = defineJob<{ slot: string }>({
    name: `${task.task}.tenant`,
    retryLimit: 3,
    async handle(payload) {
      const trx = currentTenantScope()!.trx
      // The claim and the work commit together: a failed run releases its claim.
      const claimed = await trx
        .table('scheduled_runs')
        .insert({ tenant_id: payload.tenantId, task: task.task, slot: payload.slot })
        .onConflict(['tenant_id', 'task', 'slot'])
        .ignore()
        .returning('slot')
      if (claimed.length === 0) return
      await task.run(payload.tenantId, payload.slot)
    },
  })
  // The platform job the cron fires: it belongs to no tenant and only fans out.
  const trigger = defineJob<{ slot?: string }>({
    name: `${task.task}.fanout`,
    scope: 'platform',
    retryLimit: 3,
    async handle(payload) {
      await fanOut(task.task, payload.slot ?? task.slotOf(new Date()))
    },
  })
  tasks.set(task.task, { task, perTenant })
  return { task, perTenant, trigger }
}

export function scheduledTasks() {
  return tasks
}

/** One job per active tenant for `task` in `slot`. Safe to call twice: runs are claimed. */
export async function fanOut(taskName: string, slot: string) {
  const entry = tasks.get(taskName)
  if (!entry) throw new Error(`Unknown scheduled task ${taskName}`)
  const registry = await app.container.make('tenancy.registry')
  for (const tenant of await registry.all()) {
    if (tenant.status !== 'active') continue
    await runInTenant(db, tenant.id, () => enqueue(entry.perTenant, { slot }), JOBS_CONNECTION)
  }
}
