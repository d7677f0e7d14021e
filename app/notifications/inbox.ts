/*
 * A person's notification centre: their in-app notifications, newest first, and how many are
 * unread. Every query starts from the tenant and the person (index notifications_inbox).
 */
import Notification from '#app/notifications/models/notification'
import { renderNotification } from '#app/notifications/render'
import type { Locale } from '#app/core/i18n/locales'
import type { InboxItem } from '#app/notifications/pages'
export type { InboxItem }

type InboxRow = {
  id: number
  type: string
  params: Parameters<typeof renderNotification>[1]
  link: string | null
  read_at: Date | null
  created_at: Date
}

export async function unreadCount(userId: number): Promise<number> {
  // On every page: one count through the model's query (tenant filter by construction), no rows.
  const [row] = await Notification.query()
    .where('user_id', userId)
    .where('in_app', true)
    .whereNull('read_at')
    .count('* as total')
    .pojo<{ total: string | number }>()
  return Number(row.total)
}

/** A page of the centre: `limit` items older than `before` (an id), optionally unread only. */
export async function inboxItems(
  userId: number,
  reader: { locale: Locale; brand: string },
  options: { before?: number | null; unreadOnly?: boolean; limit: number }
): Promise<{ items: InboxItem[]; more: boolean }> {
  const query = Notification.query()
    .where('user_id', userId)
    .where('in_app', true)
    .orderBy('id', 'desc')
    .limit(options.limit + 1)
    .select('id', 'type', 'params', 'link', 'read_at', 'created_at')
    .pojo<InboxRow>()
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
