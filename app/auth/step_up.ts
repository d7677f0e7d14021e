/*
 * Guards for sensitive account changes (SECURITY A7, A8): a password typed again within the
 * last 10 minutes before changing e-mail, phone, password or 2FA; and nothing of the sort while
 * someone is impersonating the account.
 */
import type { HttpContext } from '@adonisjs/core/http'
import { Exception } from '@adonisjs/core/exceptions'
import { liveSessionOf } from '#app/auth/middleware/auth_middleware'

export const REAUTH_KEY = 'reauthenticated_at'
export const REAUTH_WINDOW_MS = 10 * 60 * 1000

export function markReauthenticated(ctx: HttpContext) {
  ctx.session.put(REAUTH_KEY, Date.now())
}

export function recentlyReauthenticated(ctx: HttpContext): boolean {
  const at = ctx.session.get(REAUTH_KEY) as number | undefined
  return typeof at === 'number' && Date.now() - at < REAUTH_WINDOW_MS
}

export function isImpersonating(ctx: HttpContext): boolean {
  return !!liveSessionOf(ctx)?.impersonatorUserId
}

/** 403 `E_REAUTH_REQUIRED` unless the password was confirmed in the last 10 minutes. */
export function requireRecentAuth(ctx: HttpContext) {
  refuseWhileImpersonating(ctx)
  if (!recentlyReauthenticated(ctx)) {
    throw new Exception('Reauthentication required', { status: 403, code: 'E_REAUTH_REQUIRED' })
  }
}

/** 403 `E_IMPERSONATING`: credentials are never changed on someone else's behalf. */
export function refuseWhileImpersonating(ctx: HttpContext) {
  if (isImpersonating(ctx)) {
    throw new Exception('Refused while impersonating', { status: 403, code: 'E_IMPERSONATING' })
  }
}
