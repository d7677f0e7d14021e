/* Signed-in visitors and tenant lookups the functional tests share (issue #12 §6). */
import db from '@adonisjs/lucid/services/db'
import { hostOf, TEST_PORT, Visitor } from '#tests/support/http'

/** The host a tenant answers on in the tests (the platform's console is on plain localhost). */
export const hostOfTenant = (slug: string) =>
  slug === 'platform' ? `localhost:${TEST_PORT}` : hostOf(slug)

/** A visitor signed in as `email` on `slug`'s domain; throws when the sign-in is refused. */
export async function signedIn(slug: string, email: string, password = 'kabinet-demo') {
  const visitor = new Visitor(hostOfTenant(slug))
  const response = await visitor.signIn(email, password)
  if (response.status !== 302) throw new Error(`sign-in of ${email}: ${response.status}`)
  return visitor
}

export async function tenantIdOf(slug: string): Promise<number> {
  return Number((await db.from('tenants').where('slug', slug).select('id').firstOrFail()).id)
}
