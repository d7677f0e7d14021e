import { moduleCatalog } from '#core/modules/registry'
import { isWithin } from '#access/ceiling'

export interface Actor {
  userId: number
  /** The actor's effective permissions at this tenant (effectivePermissions()). */
  permissions: ReadonlySet<string>
  /** The tenant's live ceiling. */
  ceiling: ReadonlySet<string>
}

export type GrantError = 'unknown_permission' | 'beyond_ceiling' | 'beyond_actor'

/*
 * The delegation rule (ARCHITECTURE §6): a set being granted must name known permissions,
 * stay inside the tenant's ceiling and inside what the actor holds itself.
 */
export async function checkGrant(
  actor: Pick<Actor, 'permissions' | 'ceiling'>,
  permissions: Iterable<string>
): Promise<GrantError | null> {
  const keys = [...permissions]
  if ((await moduleCatalog()).unknown(keys).length > 0) return 'unknown_permission'
  if (!isWithin(keys, actor.ceiling)) return 'beyond_ceiling'
  if (!isWithin(keys, actor.permissions)) return 'beyond_actor'
  return null
}
