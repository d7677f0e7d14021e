import type { HttpContext } from '@adonisjs/core/http'
import { authorize, holdingOf } from '#app/access/authorization'
import { findClient } from '#app/clients/queries/client_detail'
import DictionaryEntry from '#app/tenancy/models/dictionary_entry'
import type User from '#app/auth/models/user'

/* The home of the signed-in person: staff cabinet or client portal of this tenant. */
export default class HomeController {
  async handle(ctx: HttpContext) {
    const user = ctx.auth.use('web').user as User
    if (ctx.tenant.isPlatform) {
      await authorize(ctx, 'platform.tenants.view')
      return ctx.response.redirect('/console')
    }

    if (user.audience === 'client') {
      const { activeCompany } = await holdingOf(ctx)
      // Signed in but linked to no company yet: the portal says so instead of a bare 403.
      if (!activeCompany) {
        return ctx.inertia.render('portal/home', { profile: profileOf(user), company: null })
      }
      await authorize(ctx, 'portal.home.view')
      return ctx.inertia.render('portal/home', {
        profile: profileOf(user),
        company: await findClient(activeCompany.clientId),
      })
    }

    await authorize(ctx, 'cabinet.home.view')
    const entries = await DictionaryEntry.query().orderBy('dictionary').orderBy('position')
    return ctx.inertia.render('cabinet/home', {
      profile: profileOf(user),
      dictionaries: entries.map((entry) => ({
        dictionary: entry.dictionary,
        code: entry.code,
        label: entry.label,
      })),
    })
  }
}

function profileOf(user: User) {
  return {
    fullName: user.fullName,
    email: user.email,
    lastLoginAt: user.lastLoginAt?.toISO() ?? null,
  }
}
