import type { HttpContext } from '@adonisjs/core/http'
import type User from '#app/auth/models/user'
import { currentTenantScope } from '#app/core/database/tenant_context'
import { unreadCount } from '#app/notifications/inbox'

/* The bell's badge (issue #4 §9): one count on an index of the person's unread ones. */
export default async function notificationsSharedProps(ctx: HttpContext) {
  const user = ctx.auth?.use('web').user as User | undefined
  return {
    unreadNotifications: user && currentTenantScope()?.trx ? await unreadCount(user.id) : null,
  }
}
