import type { HttpContext } from '@adonisjs/core/http'
import { authorize } from '#core/authorization'
import { idParam } from '#core/http/params'
import { requestLocale } from '#locale/request_locale'
import { notificationHistory } from '#notifications/history'
import type User from '#auth/models/user'

/* What this tenant notified whom, on which channel and with what outcome (staff). */
export default class HistoryController {
  async index(ctx: HttpContext) {
    await authorize(ctx, 'notifications.history.view')
    const user = ctx.auth.use('web').user as User
    const page = await notificationHistory(
      { locale: requestLocale(ctx, user.locale), brand: ctx.tenant.brand.name },
      { before: idParam(ctx.request.input('before')), limit: 50 }
    )
    return ctx.inertia.render('cabinet/notifications_history', page)
  }
}
