import { randomBytes } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import { runInTenant } from '#app/core/database/tenant_context'
import { defineForeignIds } from '#tests/support/foreign_ids'

/* Other tenants' sub-agents, packages, people and live invitations. */
export default defineForeignIds({
  async ids({ others }) {
    const fuel = await db.from('tenants').where('slug', 'fuel').firstOrFail()
    const packages = await db
      .from('permission_packages')
      .whereNot('owner_tenant_id', fuel.id)
      .select('id')
      .limit(20)
    // Users of other tenants, read in their own tenant scopes (RLS).
    const people: Array<{ id: number }> = []
    for (const { id } of others) {
      people.push(...(await runInTenant(db, id, () => db.from('users').select('id').limit(2))))
    }
    // Live invitations (ids from the one token table, so they could clash).
    const invitations: Array<{ id: number }> = []
    for (const { id } of others.slice(0, 4)) {
      const rows = await runInTenant(db, id, () =>
        db
          .table('user_tokens')
          .insert({
            tenant_id: id,
            purpose: 'invitation',
            token_hash: randomBytes(32),
            email: `sweep-${id}@example.test`,
            expires_at: new Date(Date.now() + 3600_000),
          })
          .returning('id')
      )
      invitations.push(...rows)
    }
    return {
      'cabinet.subagents.modules': others,
      'cabinet.packages.update': packages,
      'cabinet.people.assign': people,
      'cabinet.people.status': people,
      'cabinet.invitations.destroy': invitations,
    }
  },
  async untouched({ others }) {
    for (const { id } of others.slice(0, 4)) {
      const spent = await runInTenant(db, id, () =>
        db.from('user_tokens').where('email', `sweep-${id}@example.test`).whereNotNull('used_at')
      )
      if (spent.length > 0) throw new Error(`an invitation of tenant ${id} was spent by the sweep`)
    }
  },
})
