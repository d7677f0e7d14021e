/*
 * How a handler answers a refused or accepted form, the same way everywhere: JSON clients
 * get 422 with field errors; Inertia and plain forms get the translated message flashed into
 * the bag the page's `errors` prop reads, and are sent back.
 */
import type { HttpContext } from '@adonisjs/core/http'
import { translatorFor } from '#app/core/i18n/request_locale'
import { wantsJson } from '#app/core/http/wants_json'

/*
 * What a request's transaction does is decided by the handler's outcome, never by a status
 * code that protocols reuse (a refused form answers 302 to a browser; an Inertia visit to
 * another domain answers 409 and must commit). A request failed when its handler threw (the
 * exception handler marks it) or refused the input (these helpers mark it); the tenant
 * transaction middleware rolls back exactly those.
 */
const refused = new WeakSet<HttpContext>()

/** Marks the request as failed: its transaction rolls back whatever it answers. */
export function markFailed(ctx: HttpContext) {
  refused.add(ctx)
}

/** Answers a refusal with its status and body; the request changes nothing. */
export function refuse(ctx: HttpContext, status: number, body: unknown) {
  refused.add(ctx)
  return ctx.response.status(status).send(body)
}

export function refuseForm(
  ctx: HttpContext,
  field: string,
  messageKey: string,
  data?: Record<string, unknown>,
  /** 429 for a throttled form; JSON clients see it, browsers are sent back either way. */
  status = 422
) {
  const message = translatorFor(ctx).t(messageKey, data)
  refused.add(ctx)
  if (wantsJson(ctx)) {
    return ctx.response.status(status).send({ errors: [{ field, message }] })
  }
  ctx.session.flash('inputErrorsBag', { [field]: [message] })
  ctx.session.flashExcept(['password', '_csrf'])
  return ctx.response.redirect().back()
}

export function acceptForm(ctx: HttpContext, to: string, noticeKey?: string, payload?: object) {
  if (wantsJson(ctx)) return ctx.response.ok({ ok: true, redirect: to, ...payload })
  if (noticeKey) ctx.session.flash('notice', translatorFor(ctx).t(noticeKey))
  return ctx.response.redirect(to)
}

/** The handler threw or refused: nothing it did may commit. */
export function wasRefused(ctx: HttpContext) {
  return refused.has(ctx)
}
