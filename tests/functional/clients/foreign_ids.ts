import db from '@adonisjs/lucid/services/db'
import { runInTenant } from '#app/core/database/tenant_context'
import { defineForeignIds } from '#tests/support/foreign_ids'

let requests: Array<{ id: number }> = []

/* Other tenants' companies and their people's pending link requests. */
export default defineForeignIds({
  async ids({ others }) {
    const clients: Array<{ id: number }> = []
    for (const { id } of others) {
      clients.push(...(await runInTenant(db, id, () => db.from('clients').select('id'))))
    }
    if (clients.length < 5) throw new Error('the sweep needs other tenants’ companies')
    requests = []
    for (const { id } of others.slice(1, 5)) {
      const [person] = await runInTenant(db, id, () => db.from('users').select('id').limit(1))
      if (!person) continue
      const rows = await runInTenant(db, id, () =>
        db
          .table('link_requests')
          .insert({ tenant_id: id, user_id: person.id, company: JSON.stringify({ name: 'Sweep' }) })
          .returning('id')
      )
      requests.push(...rows)
    }
    if (requests.length === 0) throw new Error('the sweep needs other tenants’ link requests')
    return {
      'cabinet.clients.show': clients.slice(0, 20),
      'cabinet.clients.members.store': clients.slice(0, 20),
      'cabinet.clients.members.destroy': clients.slice(0, 20),
      'cabinet.link_requests.approve': requests,
      'cabinet.link_requests.reject': requests,
    }
  },
  async untouched({ others }) {
    for (const { id } of others.slice(1, 5)) {
      const rows = await runInTenant(db, id, () =>
        db.from('link_requests').whereIn(
          'id',
          requests.map((row) => row.id)
        )
      )
      for (const row of rows) {
        if (row.status !== 'pending') throw new Error(`link request ${row.id} was decided`)
      }
    }
  },
})
