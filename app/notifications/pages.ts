/*
 * The props of this module's Inertia pages, written once: queries and transformers return these
 * shapes, `inertia.render()` checks them (InertiaPages below) and each page's `defineProps`
 * imports its type from here. Types only — a page imports this file, so it imports nothing but
 * other modules' pages.ts and app/core/i18n/locales.ts (node ace modules:check). Shared props
 * come from app/middleware/inertia_middleware.ts.
 */
import type {} from '@adonisjs/inertia/types'

export type HistoryRow = {
  id: number
  type: string
  title: string
  recipient: { name: string; email: string }
  inApp: boolean
  read: boolean
  email: { status: 'queued' | 'sent' | 'failed'; to: string; error: string | null } | null
  at: string
}

export type InboxItem = {
  id: number
  type: string
  title: string
  body: string
  link: string | null
  read: boolean
  at: string
}

export type PreferenceRow = {
  type: string
  label: string
  inApp: boolean
  email: boolean
}

export type HistoryIndexProps = { rows: HistoryRow[]; more: boolean }

export type InboxIndexProps = {
  items: InboxItem[]
  more: boolean
  unreadOnly: boolean
  unread: number
}

export type PreferencesIndexProps = { preferences: PreferenceRow[] }

declare module '@adonisjs/inertia/types' {
  interface InertiaPages {
    'notifications/history/index': HistoryIndexProps
    'notifications/inbox/index': InboxIndexProps
    'notifications/preferences/index': PreferencesIndexProps
  }
}

declare module '#app/core/http/page_props' {
  interface ModuleSharedProps {
    /** The bell's badge: the signed-in person's unread notifications (null when signed out). */
    unreadNotifications: number | null
  }
}
