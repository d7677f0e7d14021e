/*
 * Who really acts behind a request: while someone impersonates the signed-in person, the auth
 * middleware notes the impersonator here, and whatever records the request (the audit log,
 * SECURITY A8) reads it without depending on how sessions are kept.
 */
import type { HttpContext } from '@adonisjs/core/http'

const impersonators = new WeakMap<HttpContext, number>()

export function rememberImpersonator(ctx: HttpContext, userId: number | null | undefined) {
  if (userId) impersonators.set(ctx, userId)
}

/** The person acting in someone else's name on this request, if any. */
export function impersonatorOf(ctx: HttpContext): number | null {
  return impersonators.get(ctx) ?? null
}
