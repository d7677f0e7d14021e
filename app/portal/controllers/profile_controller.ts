import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { authorize, holdingOf } from '#core/authorization'
import { requireTenantId } from '#core/database/tenant_context'
import type User from '#auth/models/user'
import type { Translated } from '#tenants/types'

/* The client user's own profile: who it is and which companies it acts for, in which role. */
export default class ProfileController {
  async show(ctx: HttpContext) {
    await authorize(ctx, 'portal.home.view')
    const user = ctx.auth.use('web').user as User
    const { companies } = await holdingOf(ctx)
    const roles = await db
      .from('roles')
      .where('tenant_id', requireTenantId('profile'))
      .whereIn(
        'id',
        companies.map((company) => company.roleId)
      )
      .select('id', 'name')
    const roleNames = new Map<number, Translated>(roles.map((role) => [role.id, role.name]))
    return ctx.inertia.render('portal/profile', {
      profile: {
        fullName: user.fullName,
        email: user.email,
        lastLoginAt: user.lastLoginAt?.toISO() ?? null,
      },
      companies: companies.map((company) => ({
        id: company.clientId,
        name: company.name,
        role: roleNames.get(company.roleId) ?? null,
      })),
    })
  }
}
