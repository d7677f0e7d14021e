import type { HttpContext } from '@adonisjs/core/http'
import { authorize } from '#app/access/authorization'
import { idParam } from '#app/core/http/params'
import { requestLocale } from '#app/core/i18n/request_locale'
import { notificationHistory } from '#app/notifications/history'
import type User from '#app/auth/models/user'

/* What this tenant notified whom, on which channel and with what outcome (staff). */
export default class HistoryController {
  async index(ctx: HttpContext) {
    await authorize(ctx, 'notifications.history.view')
    const user = ctx.auth.use('web').user as User
    const page = await notificationHistory(
      { locale: requestLocale(ctx, user.locale), brand: ctx.tenant.brand.name },
      { before: idParam(ctx.request.input('before')), limit: 50 }
    )
    return ctx.inertia.render('notifications/history/index', page)
  }
}
