/*
 * The languages and calendars the platform speaks. Ground floor: every module names these,
 * so they live here and import nothing.
 */
export type Locale = 'en' | 'ru' | 'fa'
export const LOCALES: readonly Locale[] = ['en', 'ru', 'fa']
export type Calendar = 'gregory' | 'persian'

/** A text in every language the platform speaks. */
export type Translated = Record<Locale, string>

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

export function directionOf(locale: Locale): 'rtl' | 'ltr' {
  return locale === 'fa' ? 'rtl' : 'ltr'
}
