/*
 * The clients module's test factories (issue #12 §6): fresh clients and memberships in any
 * business, written through the Client model in the tenant's own context — so a test makes the
 * rows it reads instead of leaning on the demo seed.
 */
import db from '@adonisjs/lucid/services/db'
import Client from '#app/clients/models/client'
import { inTenant } from '#tests/support/people'

let counter = 0

/** A new client of `slug` (a Russian person unless told otherwise). */
export async function newClient(
  slug: string,
  attributes: Partial<Pick<Client, 'type' | 'name' | 'inn' | 'nationalId' | 'legalId'>> = {}
) {
  counter++
  return inTenant(slug, () =>
    Client.create({ type: 'ru_person', name: `Test client ${counter}`, ...attributes })
  )
}

/** `userId` acts for `clientId` of `slug` in the given client role (the tenant's first one). */
export async function newMembership(
  slug: string,
  membership: { clientId: number; userId: number; roleId?: number }
) {
  await inTenant(slug, async () => {
    const tenant = await db.from('tenants').where('slug', slug).firstOrFail()
    const roleId =
      membership.roleId ??
      (await db.from('roles').where('audience', 'client').orderBy('id').firstOrFail()).id
    await db.table('client_memberships').insert({
      tenant_id: tenant.id,
      user_id: membership.userId,
      client_id: membership.clientId,
      role_id: roleId,
    })
  })
}
