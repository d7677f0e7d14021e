import type { HttpContext } from '@adonisjs/core/http'
import type User from '#app/auth/models/user'
import { holdingOf } from '#app/access/authorization'
import { currentTenantScope } from '#app/core/database/tenant_context'

/* The company switcher: loaded with the permissions already, so no extra query. */
export default async function accessSharedProps(ctx: HttpContext) {
  const user = ctx.auth?.use('web').user as User | undefined
  // An error page rendered after the request's transaction has ended shows no switcher.
  if (user?.audience !== 'client' || !currentTenantScope()?.trx) return { holding: null }
  const { companies, activeCompany } = await holdingOf(ctx)
  return {
    holding: {
      companies: companies.map((company) => ({ id: company.clientId, name: company.name })),
      activeId: activeCompany?.clientId ?? null,
    },
  }
}
