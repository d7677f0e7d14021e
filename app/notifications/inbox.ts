/*
 * A person's notification centre: their in-app notifications, newest first, and how many are
 * unread. Every query starts from the tenant and the person (index notifications_inbox).
 */
import { requireTenantId, currentTenantScope } from '#app/core/database/tenant_context'
import { renderNotification } from '#app/notifications/render'
import type { Locale } from '#app/core/i18n/locales'
import type { InboxItem } from '#app/notifications/pages'
export type { InboxItem }

function trx() {
  const scope = currentTenantScope()
  if (!scope?.trx) throw new Error('The notification centre is read in a tenant transaction')
  return scope.trx
}

export async function unreadCount(userId: number): Promise<number> {
  const [row] = await trx()
    .from('notifications')
    .where('tenant_id', requireTenantId('notifications'))
    .where('user_id', userId)
    .where('in_app', true)
    .whereNull('read_at')
    .count('* as total')
  return Number(row.total)
}

/** A page of the centre: `limit` items older than `before` (an id), optionally unread only. */
export async function inboxItems(
  userId: number,
  reader: { locale: Locale; brand: string },
  options: { before?: number | null; unreadOnly?: boolean; limit: number }
): Promise<{ items: InboxItem[]; more: boolean }> {
  const query = trx()
    .from('notifications')
    .where('tenant_id', requireTenantId('notifications'))
    .where('user_id', userId)
    .where('in_app', true)
    .orderBy('id', 'desc')
    .limit(options.limit + 1)
    .select('id', 'type', 'params', 'link', 'read_at', 'created_at')
  if (options.before) query.where('id', '<', options.before)
  if (options.unreadOnly) query.whereNull('read_at')
  const rows = await query
  return {
    more: rows.length > options.limit,
    items: rows.slice(0, options.limit).map((row) => ({
      id: Number(row.id),
      type: row.type,
      ...renderNotification(row.type, row.params, reader.locale, reader.brand),
      link: row.link,
      read: row.read_at !== null,
      at: new Date(row.created_at).toISOString(),
    })),
  }
}
