import type { HttpContext } from '@adonisjs/core/http'
import vine, { errors, type VineValidator } from '@vinejs/vine'
import type { Infer, SchemaTypes } from '@vinejs/vine/types'
import { translatorFor } from '#locale/request_locale'

/*
 * Validates the request body with messages in the person's language
 * (resources/lang/<locale>/validator.json). Failures become field errors on the form.
 */
export function validateTranslated<Schema extends SchemaTypes>(
  ctx: HttpContext,
  validator: VineValidator<Schema, undefined>
): Promise<Infer<Schema>> {
  return ctx.request.validateUsing(validator, {
    messagesProvider: translatorFor(ctx).createMessagesProvider(),
    meta: undefined,
  }) as Promise<Infer<Schema>>
}

/*
 * Validates one body with several validators (a person and its company on one form) and
 * reports every field's error at once, rather than stopping at the first validator.
 */
export async function validateAllTranslated<A extends SchemaTypes, B extends SchemaTypes>(
  ctx: HttpContext,
  first: VineValidator<A, undefined>,
  second: VineValidator<B, undefined>
): Promise<[Infer<A>, Infer<B>]> {
  const results = await Promise.allSettled([
    validateTranslated(ctx, first),
    validateTranslated(ctx, second),
  ])
  const failures = results.filter(
    (result): result is PromiseRejectedResult => result.status === 'rejected'
  )
  if (failures.length === 0) {
    return results.map((result) => (result as PromiseFulfilledResult<unknown>).value) as [
      Infer<A>,
      Infer<B>,
    ]
  }
  const validationErrors = failures.map((failure) => failure.reason)
  if (!validationErrors.every((error) => error instanceof errors.E_VALIDATION_ERROR)) {
    throw failures[0].reason
  }
  throw new errors.E_VALIDATION_ERROR(
    validationErrors.flatMap(
      (error: InstanceType<typeof errors.E_VALIDATION_ERROR>) => error.messages
    )
  )
}

/*
 * An id or a cursor in a body or a query: a whole number from 1 to the largest one JavaScript
 * holds exactly (far below PostgreSQL's bigint), so `1e308` or twenty nines are a translated
 * field error, never a database error.
 */
export function idField() {
  return vine.number().withoutDecimals().range([1, Number.MAX_SAFE_INTEGER])
}
