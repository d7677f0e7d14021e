/*
 * Effects a job causes once however often it runs (SECURITY J1). `once(key, effect)` claims the
 * key in the current tenant transaction; a concurrent run waits on the claim and then skips, a
 * later run finds it and skips. Effects that leave after commit (mail) leave at most once: a
 * crash between the commit and the send loses that one send, never doubles it.
 */
import { currentTenantScope } from '#app/core/database/tenant_context'

export async function once(key: string, effect: () => Promise<void>): Promise<boolean> {
  const scope = currentTenantScope()
  if (!scope?.trx) throw new Error('once() runs inside a tenant transaction')
  const claimed = await scope.trx
    .table('job_effects')
    .insert({ tenant_id: scope.tenantId, key })
    .onConflict(['tenant_id', 'key'])
    .ignore()
    .returning('key')
  if (claimed.length === 0) return false
  await effect()
  return true
}
