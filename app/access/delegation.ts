import { moduleCatalog } from '#app/core/modules/registry'
import { isWithin } from '#app/access/ceiling'
import type { GrantScope } from '#app/core/modules/manifest'

export interface Actor {
  userId: number
  /** The actor's effective permissions at this tenant (effectivePermissions()). */
  permissions: ReadonlySet<string>
  /** The tenant's live ceiling. */
  ceiling: ReadonlySet<string>
  /** The scope of each of the actor's grants (own when absent). */
  scopes?: ReadonlyMap<string, GrantScope>
}

/**
 * Scopes wider than `own` are delegated like permissions: only an actor holding the
 * permission with the `subtree` scope may give it with that scope.
 */
export function checkScopes(
  actor: Pick<Actor, 'scopes'>,
  scopes: Partial<Record<string, GrantScope>>
): 'beyond_actor' | null {
  for (const [permission, scope] of Object.entries(scopes)) {
    if (scope === 'subtree' && actor.scopes?.get(permission) !== 'subtree') return 'beyond_actor'
  }
  return null
}

export type GrantError =
  'unknown_permission' | 'beyond_ceiling' | 'beyond_actor' | 'staff_permission_for_client'

/*
 * The delegation rule (ARCHITECTURE §6): a set being granted must name known permissions,
 * stay inside the tenant's ceiling and inside what the actor holds itself.
 *
 * Client permissions are the exception (ADR 0008): staff never hold them (they do not open the
 * portal), so they are bounded by the tenant's ceiling alone. A client role may hold only
 * permissions with the `companies` scope, so no staff power can travel through one; a package
 * checks its client-only keys against the ceiling and everything else against the actor.
 */
export type GrantTarget = 'staff_role' | 'client_role' | 'package'

export async function checkGrant(
  actor: Pick<Actor, 'permissions' | 'ceiling'>,
  permissions: Iterable<string>,
  target: GrantTarget = 'staff_role'
): Promise<GrantError | null> {
  const keys = [...permissions]
  const catalog = await moduleCatalog()
  if (catalog.unknown(keys).length > 0) return 'unknown_permission'
  if (target === 'client_role' && catalog.staffOnly(keys).length > 0) {
    return 'staff_permission_for_client'
  }
  if (!isWithin(keys, actor.ceiling)) return 'beyond_ceiling'
  if (!isWithin(await actorBound(keys, target), actor.permissions)) return 'beyond_actor'
  return null
}

/** The part of a set the actor must hold itself to grant it. */
export async function actorBound(keys: Iterable<string>, target: GrantTarget): Promise<string[]> {
  if (target === 'client_role') return []
  if (target === 'staff_role') return [...keys]
  const clientOnly = new Set((await moduleCatalog()).clientOnly(keys))
  return [...keys].filter((key) => !clientOnly.has(key))
}
