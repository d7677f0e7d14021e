/*
 * The CASL ability of a request, built from its grants (app/access/grants.ts). A permission
 * `module.resource.action` becomes a rule on subject `module.resource` for `action`, with the
 * grant's scope as conditions on the row: its tenant (`own`), its tenant's subtree path
 * (`subtree`), or the active company (`companies`). Abilities are cached by their grants: the
 * same roles in the same tenant (and company) share one, and any change to a role, package or
 * membership changes the grants and so the key — nothing to invalidate by hand.
 */
import { createMongoAbility, subject as asSubject, type MongoAbility } from '@casl/ability'
import type { Grants } from '#app/access/grants'

export type AppAbility = MongoAbility<[string, string | Record<string, unknown>]>

/** What a scoped row exposes to the ability. */
export interface ScopedRow {
  tenantId: number
  tenantPath?: string
  clientId?: number
}

export interface AbilityContext {
  tenantId: number
  tenantPath: string
  companyId: number | null
}

const MAX_CACHED = 2000
/** Not a valid `module.resource.action` part, so CASL's wildcards never match a permission. */
const NO_WILDCARD = '\u0000none'
const cache = new Map<string, AppAbility>()

function escapeRegex(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

export function abilityFor(grants: Grants, context: AbilityContext): AppAbility {
  const signature = [...grants.entries()]
    .map(([permission, scope]) => `${permission}:${scope}`)
    .sort()
    .join(',')
  const key = `${context.tenantId}|${context.tenantPath}|${context.companyId ?? ''}|${signature}`
  const cached = cache.get(key)
  if (cached) return cached
  const rules = [...grants.entries()].map(([permission, scope]) => {
    const dot = permission.lastIndexOf('.')
    const conditions =
      scope === 'own'
        ? { tenantId: context.tenantId }
        : scope === 'subtree'
          ? { tenantPath: { $regex: `^${escapeRegex(context.tenantPath)}(\\.|$)` } }
          : { clientId: context.companyId ?? -1 }
    return { action: permission.slice(dot + 1), subject: permission.slice(0, dot), conditions }
  })
  const ability = createMongoAbility<[string, string | Record<string, unknown>]>(rules, {
    // CASL reads `manage` as "every action" and `all` as "every subject" by default, so a grant
    // of `access.users.manage` would pass for `access.users.impersonate`. A permission grants
    // exactly itself: the wildcards are names no permission can have.
    anyAction: NO_WILDCARD,
    anySubjectType: NO_WILDCARD,
  })
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!)
  cache.set(key, ability)
  return ability
}

/** The ability's answer for a permission, on a row when one is given. */
export function abilityAllows(ability: AppAbility, permission: string, row?: ScopedRow) {
  const dot = permission.lastIndexOf('.')
  const action = permission.slice(dot + 1)
  const subjectType = permission.slice(0, dot)
  if (!row) return ability.can(action, subjectType)
  return ability.can(action, asSubject(subjectType, { ...row } as Record<string, unknown>))
}
