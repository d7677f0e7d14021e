/*
 * Minimal permission check for the foundation: a user's permissions are the union of its
 * roles' permissions within the tenant's ceiling (app/access/ceiling.ts), loaded once per
 * request. The access issue replaces this with
 * CASL abilities behind Bouncer policies; handlers already call `authorize()`.
 */
import type { HttpContext } from '@adonisjs/core/http'
import { Exception } from '@adonisjs/core/exceptions'
import { effectivePermissions } from '#access/effective_permissions'
import { recordAuditDurably } from '#audit/audit'

const loaded = new WeakMap<HttpContext, Set<string>>()

export async function permissionsOf(ctx: HttpContext): Promise<Set<string>> {
  const cached = loaded.get(ctx)
  if (cached) return cached
  const user = ctx.auth.use('web').user
  const permissions = user ? await effectivePermissions(ctx.tenant, user.id) : new Set<string>()
  loaded.set(ctx, permissions)
  return permissions
}

export async function can(ctx: HttpContext, permission: string) {
  return (await permissionsOf(ctx)).has(permission)
}

/** Throws 403 unless the signed-in user holds `permission` in the request's tenant. */
export async function authorize(ctx: HttpContext, permission: string) {
  if (!(await can(ctx, permission))) {
    // Kept even though the request rolls back: denials are what an auditor looks for.
    recordAuditDurably(ctx, {
      action: 'authorization.denied',
      after: { permission, route: ctx.route?.name ?? null, method: ctx.request.method() },
    })
    throw new Exception('Forbidden', { status: 403, code: 'E_AUTHORIZATION_FAILURE' })
  }
}
