import type { HttpContext } from '@adonisjs/core/http'
import { authorize, holdingOf } from '#app/access/authorization'
import { profileOf } from '#app/auth/profile'
import type User from '#app/auth/models/user'
import { findClient } from '#app/clients/queries/client_detail'

/* The client portal's home (`/` for clients). */
export default async function renderClientHome(ctx: HttpContext) {
  const profile = profileOf(ctx.auth.use('web').user as User)
  const { activeCompany } = await holdingOf(ctx)
  // Signed in but linked to no company yet: the portal says so instead of a bare 403.
  if (!activeCompany) return ctx.inertia.render('portal/home/index', { profile, company: null })
  await authorize(ctx, 'portal.home.view')
  return ctx.inertia.render('portal/home/index', {
    profile,
    company: await findClient(activeCompany.clientId),
  })
}
