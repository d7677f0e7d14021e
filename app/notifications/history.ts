/*
 * The tenant's notification history (the fuel system's "notifications" page): every
 * notification with its recipient, its channels and what became of its e-mail. One query for
 * a page of 50, the recipient joined in (no query per row).
 */
import { currentTenantScope, requireTenantId } from '#app/core/database/tenant_context'
import { renderNotification } from '#app/notifications/render'
import type { Locale } from '#app/core/i18n/locales'
import type { HistoryRow } from '#app/notifications/pages'
export type { HistoryRow }

export async function notificationHistory(
  reader: { locale: Locale; brand: string },
  options: { before: number | null; limit: number }
): Promise<{ rows: HistoryRow[]; more: boolean }> {
  const query = currentTenantScope()!
    .trx.from('notifications as n')
    .join('users as u', (join) => {
      join.on('u.tenant_id', 'n.tenant_id').andOn('u.id', 'n.user_id')
    })
    .where('n.tenant_id', requireTenantId('notification history'))
    .orderBy('n.id', 'desc')
    .limit(options.limit + 1)
    .select(
      'n.id',
      'n.type',
      'n.params',
      'n.in_app',
      'n.read_at',
      'n.email_status',
      'n.email_to',
      'n.email_error',
      'n.created_at',
      'u.full_name',
      'u.email'
    )
  if (options.before) query.where('n.id', '<', options.before)
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
