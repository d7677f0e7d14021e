/*
 * The locale of a request: the signed-in user's choice, else the visitor's switch
 * (a cookie), else the tenant's default. Client messages are the `ui.*` keys.
 */
import type { HttpContext } from '@adonisjs/core/http'
import i18nManager from '@adonisjs/i18n/services/main'
import { isLocale, type Locale } from './locales.ts'

export const LOCALE_COOKIE = 'locale'

export function requestLocale(ctx: HttpContext, userLocale?: Locale | null): Locale {
  if (userLocale && isLocale(userLocale)) return userLocale
  const chosen = ctx.request.plainCookie(LOCALE_COOKIE, { encoded: false })
  if (isLocale(chosen)) return chosen
  return ctx.tenant?.locale ?? 'en'
}

const clientMessagesCache = new Map<string, Record<string, string>>()

/** The `ui.*` messages of these groups in a locale, for the front end (prefix stripped). */
export function clientMessages(locale: Locale, groups: readonly string[]): Record<string, string> {
  const cacheKey = `${locale}:${groups.join(',')}`
  const cached = clientMessagesCache.get(cacheKey)
  if (cached) return cached
  const wanted = new Set(groups)
  const messages: Record<string, string> = {}
  for (const [key, value] of Object.entries(i18nManager.getTranslationsFor(locale))) {
    if (key.startsWith('ui.') && wanted.has(key.slice(3, key.indexOf('.', 3)))) {
      messages[key.slice(3)] = value
    }
  }
  clientMessagesCache.set(cacheKey, messages)
  return messages
}

/** The translator for this request's locale (server-side messages, validation). */
export function translatorFor(ctx: HttpContext) {
  const user = ctx.auth?.use('web').user as { locale?: Locale | null } | undefined
  return i18nManager.locale(requestLocale(ctx, user?.locale))
}
