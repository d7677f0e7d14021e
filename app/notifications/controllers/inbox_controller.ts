import type { HttpContext } from '@adonisjs/core/http'
import { idParam, notFound } from '#app/core/http/params'
import { requestLocale } from '#app/core/i18n/request_locale'
import { refuseWhileImpersonating } from '#app/auth/step_up'
import { inboxItems, unreadCount } from '#app/notifications/inbox'
import { openInboxStream } from '#app/notifications/live'
import { MarkNotificationsRead } from '#app/notifications/actions/mark_read'
import type User from '#app/auth/models/user'

const PAGE_SIZE = 30
const FEED_SIZE = 8

/*
 * The signed-in person's notification centre (routes declare `self` access: everything here is
 * filtered by the person's own id, so another person's notification is simply not found).
 */
export default class InboxController {
  #reader(ctx: HttpContext) {
    const user = ctx.auth.use('web').user as User
    return { user, locale: requestLocale(ctx, user.locale), brand: ctx.tenant.brand.name }
  }

  async index(ctx: HttpContext) {
    const { user, ...reader } = this.#reader(ctx)
    const before = idParam(ctx.request.input('before'))
    const unreadOnly = ctx.request.input('unread') === '1'
    const page = await inboxItems(user.id, reader, { before, unreadOnly, limit: PAGE_SIZE })
    return ctx.inertia.render('notifications/inbox/index', {
      items: page.items,
      more: page.more,
      unreadOnly,
      unread: await unreadCount(user.id),
    })
  }

  /** The bell's dropdown: the newest few and the unread count, as JSON. */
  async feed(ctx: HttpContext) {
    const { user, ...reader } = this.#reader(ctx)
    const page = await inboxItems(user.id, reader, { limit: FEED_SIZE })
    return { unread: await unreadCount(user.id), items: page.items }
  }

  async read(ctx: HttpContext) {
    const { user } = this.#reader(ctx)
    const id = idParam(ctx.params.id)
    if (!id) throw notFound()
    refuseWhileImpersonating(ctx)
    if (!(await new MarkNotificationsRead().one(user.id, id))) throw notFound()
    return { unread: await unreadCount(user.id) }
  }

  async readAll(ctx: HttpContext) {
    const { user } = this.#reader(ctx)
    refuseWhileImpersonating(ctx)
    await new MarkNotificationsRead().all(user.id)
    return { unread: 0 }
  }

  /** Server-sent events: the person's own channel, subscribed here (see app/notifications/live.ts). */
  async stream(ctx: HttpContext) {
    const { user } = this.#reader(ctx)
    return ctx.response.stream(await openInboxStream(ctx, user.id))
  }
}
