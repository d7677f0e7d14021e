import { defineSchedule } from '#app/jobs/schedules'
import { currentTenantScope } from '#app/core/database/tenant_context'
import { recordSystemAudit } from '#app/audit/audit'

/*
 * Daily retention (issue #4 §7; left over from issue #3): sessions that ended or went quiet more
 * than 30 days ago, and account tokens that expired more than 30 days ago, per tenant.
 */
export const RETENTION_DAYS = 30

export const pruneSchedule = defineSchedule({
  task: 'maintenance.prune',
  cron: '17 3 * * *',
  slotOf: (date) => date.toISOString().slice(0, 10),
  async run(tenantId, slot) {
    const trx = currentTenantScope()!.trx
    const cutoff = new Date(Date.now() - RETENTION_DAYS * 86_400_000)
    const sessions = await trx
      .from('user_sessions')
      .where('tenant_id', tenantId)
      .where((query) => query.where('revoked_at', '<', cutoff).orWhere('last_seen_at', '<', cutoff))
      .delete()
    const tokens = await trx
      .from('user_tokens')
      .where('tenant_id', tenantId)
      .where('expires_at', '<', cutoff)
      .delete()
    await recordSystemAudit({
      action: 'maintenance.pruned',
      after: { slot, sessions: Number(sessions), tokens: Number(tokens) },
    })
  },
})
