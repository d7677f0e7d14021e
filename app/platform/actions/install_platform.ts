import type { Database } from '@adonisjs/lucid/database'
import app from '@adonisjs/core/services/app'
import { asTenant, runInTenant } from '#app/core/database/tenant_context'
import Role from '#app/tenancy/models/role'
import User from '#app/auth/models/user'
import { ProvisionTenant } from '#app/platform/actions/provision_tenant'

export type InstallPlatformResult =
  { ok: true; tenantId: number } | { ok: false; error: 'root_exists' | 'password_too_short' }

export const MIN_OWNER_PASSWORD = 12

/*
 * A production installation starts empty: this creates the root tenant on PLATFORM_DOMAIN
 * and its first owner, once. (The demo seed does the same with demo data, outside production.)
 */
export async function installPlatform(
  db: Database,
  input: { name: string; email: string; fullName: string; password: string }
): Promise<InstallPlatformResult> {
  if (input.password.length < MIN_OWNER_PASSWORD) return { ok: false, error: 'password_too_short' }
  if (await db.from('tenants').whereNull('parent_id').first()) {
    return { ok: false, error: 'root_exists' }
  }
  const hash = await app.container.make('hash')
  const password = await hash.make(input.password)
  return runInTenant(db, 0, async () => {
    const result = await new ProvisionTenant().handle({
      parentId: null,
      kind: 'platform',
      slug: 'platform',
      name: input.name,
    })
    if (!result.ok) return { ok: false as const, error: 'root_exists' as const }
    const tenantId = result.tenant.id
    await asTenant(tenantId, async () => {
      const ownerRole = await Role.query().where('key', 'owner').firstOrFail()
      const owner = await User.create({
        email: input.email.trim().toLowerCase(),
        password,
        fullName: input.fullName,
        audience: 'staff',
        status: 'active',
      })
      await db
        .insertQuery()
        .table('user_roles')
        .insert({ tenant_id: tenantId, user_id: owner.id, role_id: ownerRole.id })
    })
    return { ok: true as const, tenantId }
  })
}
