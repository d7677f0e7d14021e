import { urlFor } from '@adonisjs/core/services/url_builder'
import type { HttpContext } from '@adonisjs/core/http'
import { permissionsOf } from '#app/access/authorization'
import { acceptForm, refuseForm } from '#app/core/http/form_outcome'
import { validateTranslated } from '#app/core/http/validation'
import { requestLocale } from '#app/core/i18n/request_locale'
import { refuseWhileImpersonating } from '#app/auth/step_up'
import { preferencesOf } from '#app/notifications/preferences'
import { SaveNotificationPreferences } from '#app/notifications/actions/save_preferences'
import { preferencesValidator } from '#app/notifications/validators'
import type User from '#app/auth/models/user'

/* The signed-in person's channels per event type (`self` access: only their own). */
export default class PreferencesController {
  async show(ctx: HttpContext) {
    const user = ctx.auth.use('web').user as User
    const rows = await preferencesOf(
      user.id,
      user.audience,
      await permissionsOf(ctx),
      requestLocale(ctx, user.locale),
      ctx.tenant.locale
    )
    return ctx.inertia.render('notifications/preferences/index', { preferences: rows })
  }

  async update(ctx: HttpContext) {
    const user = ctx.auth.use('web').user as User
    refuseWhileImpersonating(ctx)
    const { preferences } = await validateTranslated(ctx, preferencesValidator)
    const saved = await new SaveNotificationPreferences().handle(
      user,
      await permissionsOf(ctx),
      preferences
    )
    if (!saved.ok) {
      return refuseForm(ctx, 'preferences', 'ui.notifications.preferences.unknown_type', {
        type: saved.unknownType,
      })
    }
    return acceptForm(ctx, urlFor('account.notifications'), 'ui.notifications.preferences.saved')
  }
}
