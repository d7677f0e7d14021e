import type { HttpContext } from '@adonisjs/core/http'
import { authorize } from '#app/access/authorization'
import { profileOf } from '#app/auth/profile'
import type User from '#app/auth/models/user'
import DictionaryEntry from '#app/tenancy/models/dictionary_entry'

/* The staff cabinet's home (`/` for staff; app/portal/controllers/home_controller.ts routes it). */
export default async function renderStaffHome(ctx: HttpContext) {
  await authorize(ctx, 'cabinet.home.view')
  const entries = await DictionaryEntry.query().orderBy('dictionary').orderBy('position')
  return ctx.inertia.render('cabinet/home/index', {
    profile: profileOf(ctx.auth.use('web').user as User),
    dictionaries: entries.map((entry) => ({
      dictionary: entry.dictionary,
      code: entry.code,
      label: entry.label,
    })),
  })
}
