/*
 * How a handler answers a refused or accepted form, the same way everywhere: JSON clients
 * get 422 with field errors; Inertia and plain forms get the translated message flashed into
 * the bag the page's `errors` prop reads, and are sent back.
 */
import type { HttpContext } from '@adonisjs/core/http'
import { translatorFor } from '#locale/request_locale'
import { wantsJson } from '#core/http/wants_json'

/*
 * A refused form must change nothing, yet a browser needs a redirect (3xx) to come back to
 * the form: the tenant transaction middleware rolls back when the request is marked refused.
 */
const refused = new WeakSet<HttpContext>()

export function refuseForm(
  ctx: HttpContext,
  field: string,
  messageKey: string,
  data?: Record<string, unknown>,
  /** 429 for a throttled form; JSON clients see it, browsers are sent back either way. */
  status = 422
) {
  const message = translatorFor(ctx).t(messageKey, data)
  if (wantsJson(ctx)) {
    return ctx.response.status(status).send({ errors: [{ field, message }] })
  }
  ctx.session.flash('inputErrorsBag', { [field]: [message] })
  ctx.session.flashExcept(['password', '_csrf'])
  refused.add(ctx)
  return ctx.response.redirect().back()
}

export function acceptForm(ctx: HttpContext, to: string, noticeKey?: string, payload?: object) {
  if (wantsJson(ctx)) return ctx.response.ok({ ok: true, redirect: to, ...payload })
  if (noticeKey) ctx.session.flash('notice', translatorFor(ctx).t(noticeKey))
  return ctx.response.redirect(to)
}

export function wasRefused(ctx: HttpContext) {
  return refused.has(ctx)
}
