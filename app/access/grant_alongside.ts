import type { QueryClientContract } from '@adonisjs/lucid/types/database'

/*
 * A permission added after tenants were provisioned reaches nobody: packages and roles are
 * copied from presets once. This gives `permission` to every package and role that already
 * holds `holder` (the permission it naturally belongs with), tenant by tenant because roles
 * sit behind RLS. Packages are catalog rows. Idempotent.
 */
export async function grantAlongside(
  db: QueryClientContract,
  permission: string,
  holder: string
): Promise<void> {
  await db.rawQuery(
    `update permission_packages set permissions = array_append(permissions, ?)
      where ? = any(permissions) and not (? = any(permissions))`,
    [permission, holder, permission]
  )
  const tenants = (await db.from('tenants').select('id')) as Array<{ id: number }>
  for (const { id } of tenants) {
    await db.rawQuery(`select set_config('app.tenant_id', ?, true)`, [String(id)])
    await db.rawQuery(
      `update roles set permissions = array_append(permissions, ?)
        where ? = any(permissions) and not (? = any(permissions))`,
      [permission, holder, permission]
    )
  }
  await db.rawQuery(`select set_config('app.tenant_id', '', true)`)
}
