import type { I18n } from '@adonisjs/i18n'

/** A connection test's failure (`code` or `code:detail`) in the reader's words. */
export function failureMessage(i18n: I18n, error: string): string {
  const [code, detail] = error.split(':')
  const key = `ui.integrations.failures.${code}`
  return i18n.hasMessage(key) ? i18n.t(key, { detail: detail ?? '' }) : error
}
