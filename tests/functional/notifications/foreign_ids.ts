import db from '@adonisjs/lucid/services/db'
import { runInTenant } from '#app/core/database/tenant_context'
import { notify } from '#app/notifications/notify'
import { defineForeignIds } from '#tests/support/foreign_ids'

let notifications: Array<{ id: number }> = []

/* Notifications of other tenants' people. */
export default defineForeignIds({
  async ids({ others }) {
    notifications = []
    for (const { id } of others.slice(0, 4)) {
      const [person] = await runInTenant(db, id, () => db.from('users').select('id').limit(1))
      if (!person) continue
      const rows = await runInTenant(db, id, async () => {
        await notify('jobs.dead_letter', {
          userIds: [person.id],
          params: { queue: 'sweep', attempts: 1, error: 'sweep' },
        })
        return db
          .from('notifications')
          .where('params', '@>', JSON.stringify({ queue: 'sweep' }))
          .select('id')
      })
      notifications.push(...rows)
    }
    if (notifications.length === 0) throw new Error('the sweep needs other tenants’ notifications')
    return { 'notifications.read': notifications }
  },
  async untouched({ others }) {
    for (const { id } of others.slice(0, 4)) {
      const read = await runInTenant(db, id, () =>
        db
          .from('notifications')
          .whereIn(
            'id',
            notifications.map((row) => row.id)
          )
          .whereNotNull('read_at')
      )
      if (read.length > 0) throw new Error(`a notification of tenant ${id} was marked read`)
    }
  },
})
