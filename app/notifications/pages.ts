/*
 * The props of this module's Inertia pages: `inertia.render()` checks the page name and its
 * props at compile time. Shared props come from app/middleware/inertia_middleware.ts.
 */
import type { HistoryRow } from '#app/notifications/history'
import type { InboxItem } from '#app/notifications/inbox'
import type { PreferenceRow } from '#app/notifications/preferences'

declare module '@adonisjs/inertia/types' {
  interface InertiaPages {
    'cabinet/notifications_history': { rows: HistoryRow[]; more: boolean }
    'notifications/index': {
      items: InboxItem[]
      more: boolean
      unreadOnly: boolean
      unread: number
    }
    'account/notifications': { preferences: PreferenceRow[] }
  }
}
