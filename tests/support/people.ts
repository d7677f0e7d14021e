/* Test people: fresh users per test, so no test changes the demo accounts others rely on. */
import db from '@adonisjs/lucid/services/db'
import hash from '@adonisjs/core/services/hash'
import { runInTenant } from '#app/core/database/tenant_context'
import User from '#app/auth/models/user'
import Role from '#app/tenancy/models/role'

export async function inTenant<T>(slug: string, work: () => Promise<T>) {
  const tenant = await db.from('tenants').where('slug', slug).firstOrFail()
  return runInTenant(db, tenant.id, work)
}

let counter = 0

/** A new active user of `slug`; staff get the roles named by key (none by default). */
export async function newUser(
  slug: string,
  audience: 'staff' | 'client',
  options: { label?: string; roles?: string[]; password?: string } = {}
) {
  counter++
  const email = `${options.label ?? audience}-${Date.now()}-${counter}@${slug}.test`
  const user = await inTenant(slug, async () => {
    const created = await User.create({
      email,
      password: await hash.make(options.password ?? 'kabinet-demo'),
      fullName: `Test ${options.label ?? audience} ${counter}`,
      audience,
      status: 'active',
    })
    for (const key of options.roles ?? []) {
      const role = await Role.query().where('key', key).firstOrFail()
      await db
        .table('user_roles')
        .insert({ tenant_id: role.tenantId, user_id: created.id, role_id: role.id })
    }
    return created
  })
  return { email, id: user.id }
}
