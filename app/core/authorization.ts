/*
 * Minimal permission check for the foundation: a user's permissions are the union of its
 * roles' permissions within the tenant's ceiling (app/access/ceiling.ts), loaded once per
 * request. The access issue replaces this with
 * CASL abilities behind Bouncer policies; handlers already call `authorize()`.
 */
import type { HttpContext } from '@adonisjs/core/http'
import { Exception } from '@adonisjs/core/exceptions'
import db from '@adonisjs/lucid/services/db'
import { requireTenantId } from '#core/database/tenant_context'

const loaded = new WeakMap<HttpContext, Set<string>>()

export async function permissionsOf(ctx: HttpContext): Promise<Set<string>> {
  const cached = loaded.get(ctx)
  if (cached) return cached
  const user = ctx.auth.use('web').user
  const permissions = new Set<string>()
  if (user) {
    const rows = await db
      .from('user_roles')
      .join('roles', (join) => {
        join.on('roles.tenant_id', 'user_roles.tenant_id').andOn('roles.id', 'user_roles.role_id')
      })
      .where('user_roles.tenant_id', requireTenantId('permissionsOf'))
      .where('user_roles.user_id', user.id)
      .select('roles.permissions')
    // Roles may name more than the tenant may hold now (a parent shrank its package):
    // only what is inside the tenant's live ceiling counts.
    const ceiling = ctx.tenant.ceiling
    for (const row of rows as Array<{ permissions: string[] }>) {
      for (const permission of row.permissions) {
        if (ceiling.has(permission)) permissions.add(permission)
      }
    }
  }
  loaded.set(ctx, permissions)
  return permissions
}

export async function can(ctx: HttpContext, permission: string) {
  return (await permissionsOf(ctx)).has(permission)
}

/** Throws 403 unless the signed-in user holds `permission` in the request's tenant. */
export async function authorize(ctx: HttpContext, permission: string) {
  if (!(await can(ctx, permission))) {
    throw new Exception('Forbidden', { status: 403, code: 'E_AUTHORIZATION_FAILURE' })
  }
}
