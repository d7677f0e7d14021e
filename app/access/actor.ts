import type { HttpContext } from '@adonisjs/core/http'
import { grantsOf, permissionsOf } from '#app/access/authorization'
import type { TenantActor } from '#app/access/actions/manage_packages'

/* The signed-in staff member as the access actions see it. */
export async function actorOf(ctx: HttpContext): Promise<TenantActor> {
  const user = ctx.auth.use('web').user!
  return {
    userId: user.id,
    tenantId: ctx.tenant.id,
    kind: ctx.tenant.kind,
    permissions: await permissionsOf(ctx),
    scopes: await grantsOf(ctx),
    ceiling: ctx.tenant.access.ceiling,
  }
}
