import db from '@adonisjs/lucid/services/db'
import { runInTenant } from '#app/core/database/tenant_context'
import { defineForeignIds } from '#tests/support/foreign_ids'

let failures: Array<{ id: number }> = []

/* Dead letters of other tenants: not fuel's to send again. */
export default defineForeignIds({
  async ids({ others }) {
    failures = []
    for (const { id } of others.slice(0, 4)) {
      const rows = await runInTenant(db, id, () =>
        db
          .table('job_failures')
          .insert({
            tenant_id: id,
            queue: 'jobs.probe',
            job_id: `sweep-${id}`,
            payload: JSON.stringify({ tenantId: id, marker: 'sweep' }),
            error: 'sweep',
            attempts: 1,
          })
          .returning('id')
      )
      failures.push(...rows)
    }
    return { 'cabinet.jobs.retry': failures }
  },
  async untouched({ others }) {
    for (const { id } of others.slice(0, 4)) {
      const retried = await runInTenant(db, id, () =>
        db
          .from('job_failures')
          .whereIn(
            'id',
            failures.map((row) => row.id)
          )
          .whereNotNull('retried_at')
      )
      if (retried.length > 0) throw new Error(`a dead letter of tenant ${id} was sent again`)
    }
  },
})
