import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { translatorFor } from '#app/core/i18n/request_locale'
import { wantsJson } from '#app/core/http/wants_json'
import { markFailed } from '#app/core/http/form_outcome'
import { notFound } from '#app/core/http/params'

/*
 * What no handler should have to think about (issue #11 §5), checked once for every route after
 * the body parser and before the handler:
 *  - text with control characters (NUL and the other C0/C1 codes but tab, line feed and carriage
 *    return, or a lone UTF-16 surrogate) in the body or the query string is refused with a
 *    translated field error: PostgreSQL cannot store NUL, and none of it is ever meant;
 *  - so is U+FFFD, the replacement character: the body parser puts it where the bytes were not
 *    UTF-8, and text that arrived unreadable must not be stored as if it had been typed;
 *  - bodies nested deeper than any form of ours, or with more values than one, are refused;
 *  - a route parameter named `id` or `…Id` that is not a whole number within the database's
 *    range, or any parameter with a control character, is a 404 before anything is looked up.
 */
// Matching control characters is the point of this expression.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\p{Cs}/u
const UNREADABLE = /\uFFFD/
const MAX_DEPTH = 12
const MAX_VALUES = 5000
const ID_PARAM = /(^id|Id)$/
const BIGINT_MAX = 9223372036854775807n

export function validIdParam(value: unknown): boolean {
  if (typeof value !== 'string' || !/^[1-9]\d{0,18}$/.test(value)) return false
  return BigInt(value) <= BIGINT_MAX
}

type Finding = {
  field: string
  rule: 'control_characters' | 'unreadable_characters' | 'too_deep' | 'too_many_values'
}

function textFinding(value: string, field: string): Finding | null {
  if (CONTROL.test(value)) return { field, rule: 'control_characters' }
  if (UNREADABLE.test(value)) return { field, rule: 'unreadable_characters' }
  return null
}

function inspect(
  value: unknown,
  path: string,
  depth: number,
  seen: { count: number }
): Finding | null {
  if (++seen.count > MAX_VALUES) return { field: path || 'body', rule: 'too_many_values' }
  if (typeof value === 'string') {
    return textFinding(value, path)
  }
  if (value === null || typeof value !== 'object') return null
  if (depth > MAX_DEPTH) return { field: path || 'body', rule: 'too_deep' }
  for (const [key, inner] of Object.entries(value)) {
    const inKey = textFinding(key, path || 'body')
    if (inKey) return inKey
    const found = inspect(inner, path ? `${path}.${key}` : key, depth + 1, seen)
    if (found) return found
  }
  return null
}

export default class InputHygieneMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    for (const [name, value] of Object.entries(ctx.params ?? {})) {
      if (ID_PARAM.test(name) ? !validIdParam(value) : CONTROL.test(String(value))) throw notFound()
    }
    const found =
      inspect(ctx.request.qs(), '', 0, { count: 0 }) ??
      inspect(ctx.request.body(), '', 0, { count: 0 })
    if (!found) return next()
    markFailed(ctx)
    const t = translatorFor(ctx)
    const message = t.t(`validator.shared.messages.${found.rule}`, { field: found.field })
    if (wantsJson(ctx) || !ctx.session) {
      return ctx.response.status(422).send({ errors: [{ field: found.field, message }] })
    }
    ctx.session.flash('inputErrorsBag', { [found.field]: [message] })
    return ctx.response.redirect().back()
  }
}
