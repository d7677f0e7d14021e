/*
 * A notification's words, in the reader's language, from its type and parameters
 * (resources/lang/<locale>/notifications.json). A parameter may itself be translated (a provider's
 * name): the reader's language is picked from it. `{brand}` is always the tenant's name.
 */
import i18nManager from '@adonisjs/i18n/services/main'
import type { Locale, Translated } from '#app/core/i18n/locales'

export type NotificationParams = Record<string, string | number | Translated>

export interface RenderedNotification {
  title: string
  body: string
}

function localised(params: NotificationParams, locale: Locale) {
  const flat: Record<string, string | number> = {}
  for (const [key, value] of Object.entries(params)) {
    flat[key] = typeof value === 'object' ? (value[locale] ?? value.en ?? '') : value
  }
  return flat
}

export function renderNotification(
  type: string,
  params: NotificationParams,
  locale: Locale,
  brand: string
): RenderedNotification {
  const i18n = i18nManager.locale(locale)
  const data = { brand, ...localised(params, locale) }
  return {
    title: i18n.t(`notifications.${type}.title`, data),
    body: i18n.t(`notifications.${type}.body`, data),
  }
}
