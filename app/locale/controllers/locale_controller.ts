import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import { LOCALE_COOKIE } from '#app/core/i18n/request_locale'
import { validateTranslated } from '#app/core/http/validation'
import { LOCALES } from '#app/core/i18n/locales'
import type User from '#app/auth/models/user'

const switchLocaleValidator = vine.create({ locale: vine.enum(LOCALES) })

/* POST /locale: the per-user language switch. Public: guests keep it in a cookie. */
export default class LocaleController {
  async handle(ctx: HttpContext) {
    const { response, auth } = ctx
    const { locale } = await validateTranslated(ctx, switchLocaleValidator)
    response.plainCookie(LOCALE_COOKIE, locale, { encode: false, maxAge: '365d', httpOnly: false })
    if (await auth.use('web').check()) {
      const user = auth.use('web').user as User
      user.locale = locale
      await user.save()
    }
    return response.redirect().back()
  }
}
