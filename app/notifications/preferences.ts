/*
 * Per-person preferences per event type (issue #4 §9): the types a person can receive (their
 * audience's, and for staff only those whose permission they hold), each with the channels they
 * chose, or the type's defaults where they chose nothing.
 */
import { moduleCatalog } from '#app/core/modules/registry'
import NotificationPreference from '#app/notifications/models/notification_preference'
import { pickLabel } from '#app/menus/menu_tree'
import type { Locale } from '#app/core/i18n/locales'
import type { PreferenceRow } from '#app/notifications/pages'
export type { PreferenceRow }

/** The notification types this person can receive. */
export async function receivableTypes(audience: 'staff' | 'client', permissions: Set<string>) {
  const catalog = await moduleCatalog()
  return [...catalog.notifications.values()].filter(
    (declaration) =>
      (declaration.audience === 'any' || declaration.audience === audience) &&
      (!declaration.permission || permissions.has(declaration.permission))
  )
}

export async function preferencesOf(
  userId: number,
  audience: 'staff' | 'client',
  permissions: Set<string>,
  locale: Locale,
  tenantLocale: Locale
): Promise<PreferenceRow[]> {
  const types = await receivableTypes(audience, permissions)
  const chosen = await NotificationPreference.query()
    .where('user_id', userId)
    .select('type', 'in_app', 'email')
    .pojo<{ type: string; in_app: boolean; email: boolean }>()
  const own = new Map(chosen.map((row) => [row.type, row]))
  return types.map((declaration) => {
    const row = own.get(declaration.type)
    return {
      type: declaration.type,
      label: pickLabel(declaration.label, locale, tenantLocale),
      inApp: row ? Boolean(row.in_app) : declaration.defaults.inApp,
      email: row ? Boolean(row.email) : declaration.defaults.email,
    }
  })
}
