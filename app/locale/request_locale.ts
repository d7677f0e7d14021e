/*
 * The locale of a request: the signed-in user's choice, else the visitor's switch
 * (a cookie), else the tenant's default. Client messages are the `ui.*` keys.
 */
import type { HttpContext } from '@adonisjs/core/http'
import i18nManager from '@adonisjs/i18n/services/main'
import { LOCALES, type Locale } from '#tenants/types'

export const LOCALE_COOKIE = 'locale'

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

export function requestLocale(ctx: HttpContext, userLocale?: Locale | null): Locale {
  if (userLocale && isLocale(userLocale)) return userLocale
  const chosen = ctx.request.plainCookie(LOCALE_COOKIE, { encoded: false })
  if (isLocale(chosen)) return chosen
  return ctx.tenant?.locale ?? 'en'
}

export function directionOf(locale: Locale): 'rtl' | 'ltr' {
  return locale === 'fa' ? 'rtl' : 'ltr'
}

const clientMessagesCache = new Map<Locale, Record<string, string>>()

/** The `ui.*` messages of a locale, for the front end (prefix stripped). */
export function clientMessages(locale: Locale): Record<string, string> {
  const cached = clientMessagesCache.get(locale)
  if (cached) return cached
  const messages: Record<string, string> = {}
  for (const [key, value] of Object.entries(i18nManager.getTranslationsFor(locale))) {
    if (key.startsWith('ui.')) messages[key.slice(3)] = value
  }
  clientMessagesCache.set(locale, messages)
  return messages
}

/** The translator for this request's locale (server-side messages, validation). */
export function translatorFor(ctx: HttpContext) {
  const user = ctx.auth?.use('web').user as { locale?: Locale | null } | undefined
  return i18nManager.locale(requestLocale(ctx, user?.locale))
}
