/*
 * Roles of a tenant and who holds them, under the delegation rule (ARCHITECTURE §6): the full
 * resulting set must be inside the tenant's ceiling AND inside the actor's own effective set.
 * That closes every escalation route: a role wider than the actor, editing one's own role
 * upwards, and assigning an existing role that is stronger than the actor.
 */
import { checkGrant, checkScopes, type Actor } from '#app/access/delegation'
import { moduleCatalog } from '#app/core/modules/registry'
import type { GrantScope } from '#app/core/modules/manifest'
import Role from '#app/tenancy/models/role'
import User from '#app/auth/models/user'
import { currentTenantScope } from '#app/core/database/tenant_context'
import type { Translated } from '#app/core/i18n/locales'

export type { Actor } from '#app/access/delegation'

export type RoleError =
  | 'not_allowed'
  | 'unknown_permission'
  | 'beyond_ceiling'
  | 'beyond_actor'
  | 'role_not_found'
  | 'user_not_found'
  | 'audience_mismatch'
  | 'staff_permission_for_client'

export type RoleResult = { ok: true; role: Role } | { ok: false; error: RoleError }

export class SaveRole {
  /** Creates a role, or replaces the permissions of an existing one (by id). */
  async handle(
    actor: Actor,
    input: {
      id?: number
      key: string
      name: Translated
      audience: 'staff' | 'client'
      permissions: string[]
      /** Staff grants wider than `own`; client roles are always `companies`. */
      scopes?: Partial<Record<string, GrantScope>>
    }
  ): Promise<RoleResult> {
    if (!actor.permissions.has('access.roles.manage')) return { ok: false, error: 'not_allowed' }
    const permissions = [...new Set(input.permissions)].sort()
    const refused = await checkGrant(actor, permissions, `${input.audience}_role`)
    if (refused) return { ok: false, error: refused }
    const scopes = input.audience === 'staff' ? await validScopes(permissions, input.scopes) : {}
    if (!scopes) return { ok: false, error: 'unknown_permission' }
    const wider = checkScopes(actor, scopes)
    if (wider) return { ok: false, error: wider }
    if (input.id === undefined) {
      const role = await Role.create({ ...input, permissions, scopes })
      return { ok: true, role }
    }
    const role = await Role.query().where('id', input.id).forUpdate().first()
    if (!role) return { ok: false, error: 'role_not_found' }
    if (role.audience !== input.audience) return { ok: false, error: 'audience_mismatch' }
    // The role as it stands must be within the actor too: nobody edits a stronger role.
    const current = await checkGrant(
      actor,
      role.permissions.filter((key) => actor.ceiling.has(key)),
      `${role.audience}_role`
    )
    if (current) return { ok: false, error: current }
    const currentScopes = checkScopes(actor, role.scopes ?? {})
    if (currentScopes) return { ok: false, error: currentScopes }
    role.merge({ name: input.name, permissions, scopes })
    await role.save()
    return { ok: true, role }
  }
}

export class AssignRole {
  async handle(actor: Actor, userId: number, roleId: number): Promise<RoleResult> {
    if (!actor.permissions.has('access.users.manage')) return { ok: false, error: 'not_allowed' }
    const trx = currentTenantScope()?.trx
    if (!trx) throw new Error('AssignRole runs inside a tenant transaction')
    const role = await Role.query().where('id', roleId).first()
    if (!role) return { ok: false, error: 'role_not_found' }
    const user = await User.query().where('id', userId).first()
    if (!user) return { ok: false, error: 'user_not_found' }
    // Client users get their roles per company (LinkClientMember), never tenant-wide.
    if (user.audience !== 'staff' || role.audience !== 'staff') {
      return { ok: false, error: 'audience_mismatch' }
    }
    // What the role would really give (inside the ceiling) must be inside the actor.
    const refused = await checkGrant(
      actor,
      role.permissions.filter((key) => actor.ceiling.has(key))
    )
    if (refused) return { ok: false, error: refused }
    // A subtree-scoped role reaches further than the permission alone: the actor must too.
    const wider = checkScopes(actor, role.scopes ?? {})
    if (wider) return { ok: false, error: wider }
    await trx
      .table('user_roles')
      .insert({ tenant_id: role.tenantId, user_id: user.id, role_id: role.id })
      .onConflict(['tenant_id', 'user_id', 'role_id'])
      .ignore()
    return { ok: true, role }
  }
}

/** Scopes for the role's own permissions, each one its manifest allows; null when not. */
async function validScopes(
  permissions: string[],
  scopes: Partial<Record<string, GrantScope>> = {}
): Promise<Partial<Record<string, GrantScope>> | null> {
  const catalog = await moduleCatalog()
  const result: Partial<Record<string, GrantScope>> = {}
  for (const [permission, scope] of Object.entries(scopes)) {
    if (!scope || scope === 'own') continue
    if (!permissions.includes(permission)) return null
    if (scope !== 'subtree' || !catalog.permissions.get(permission)?.scopes.includes(scope)) {
      return null
    }
    result[permission] = scope
  }
  return result
}
