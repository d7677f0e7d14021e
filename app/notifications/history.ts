/*
 * The tenant's notification history (the fuel system's "notifications" page): every
 * notification with its recipient, its channels and what became of its e-mail. One query for
 * a page of 50, the recipient joined in (no query per row).
 */
import Notification from '#app/notifications/models/notification'
import { renderNotification } from '#app/notifications/render'
import type { Locale } from '#app/core/i18n/locales'
import type { HistoryRow } from '#app/notifications/pages'
export type { HistoryRow }

type HistoryRecord = {
  id: number
  type: string
  params: Parameters<typeof renderNotification>[1]
  in_app: boolean
  read_at: Date | null
  email_status: 'queued' | 'sent' | 'failed' | null
  /** Set whenever email_status is. */
  email_to: string
  email_error: string | null
  created_at: Date
  full_name: string
  email: string
}

export async function notificationHistory(
  reader: { locale: Locale; brand: string },
  options: { before: number | null; limit: number }
): Promise<{ rows: HistoryRow[]; more: boolean }> {
  const query = Notification.query()
    .join('users as u', (join) => {
      join.on('u.tenant_id', 'notifications.tenant_id').andOn('u.id', 'notifications.user_id')
    })
    .orderBy('notifications.id', 'desc')
    .limit(options.limit + 1)
    .select(
      'notifications.id',
      'notifications.type',
      'notifications.params',
      'notifications.in_app',
      'notifications.read_at',
      'notifications.email_status',
      'notifications.email_to',
      'notifications.email_error',
      'notifications.created_at',
      'u.full_name',
      'u.email'
    )
    .pojo<HistoryRecord>()
  if (options.before) query.where('notifications.id', '<', options.before)
  const rows = await query
  return {
    more: rows.length > options.limit,
    rows: rows.slice(0, options.limit).map((row) => ({
      id: Number(row.id),
      type: row.type,
      title: renderNotification(row.type, row.params, reader.locale, reader.brand).title,
      recipient: { name: row.full_name, email: row.email },
      inApp: Boolean(row.in_app),
      read: row.read_at !== null,
      email: row.email_status
        ? { status: row.email_status, to: row.email_to, error: row.email_error }
        : null,
      at: new Date(row.created_at).toISOString(),
    })),
  }
}
