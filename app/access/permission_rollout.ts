/*
 * New permissions reach existing roles by a rule the module declares (issue #12 §1), not by a
 * migration per permission: a permission with `grantedAlongside` is given, once, to every
 * package and role that holds that other permission. Tenants provisioned later get it from
 * their presets. Run by the owner after migrating; idempotent.
 */
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { ModuleCatalog } from '#app/core/modules/registry'
import { grantAlongside } from '#app/access/grant_alongside'

export async function rollOutPermissions(
  trx: TransactionClientContract,
  catalog: ModuleCatalog
): Promise<string[]> {
  const rolledOut: string[] = []
  // One rollout at a time across processes starting together.
  await trx.rawQuery(`lock table permission_rollouts in exclusive mode`)
  const rows = (await trx.from('permission_rollouts').select('permission')) as Array<{
    permission: string
  }>
  const done = new Set(rows.map((row) => row.permission))
  for (const permission of catalog.permissions.values()) {
    if (!permission.grantedAlongside || done.has(permission.key)) continue
    await grantAlongside(trx, permission.key, permission.grantedAlongside)
    await trx.table('permission_rollouts').insert({
      permission: permission.key,
      alongside: permission.grantedAlongside,
    })
    rolledOut.push(permission.key)
  }
  return rolledOut
}
