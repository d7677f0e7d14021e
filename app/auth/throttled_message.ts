import type { I18n } from '@adonisjs/i18n'

/**
 * "Try again in …" for a throttled attempt: seconds while the wait is a slow lane's (under a
 * minute, `<key>_seconds`), whole minutes when it is the pair's window (`<key>`).
 */
export function throttledText(key: string, retryAfterSeconds: number) {
  if (retryAfterSeconds < 60)
    return { key: `${key}_seconds`, params: { seconds: retryAfterSeconds } }
  return { key, params: { minutes: Math.ceil(retryAfterSeconds / 60) } }
}

export function throttledMessage(i18n: I18n, key: string, retryAfterSeconds: number) {
  const text = throttledText(key, retryAfterSeconds)
  return i18n.t(text.key, text.params)
}
