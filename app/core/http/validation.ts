import type { HttpContext } from '@adonisjs/core/http'
import vine, { errors, type VineNumber, type VineValidator } from '@vinejs/vine'
import type { Infer, SchemaTypes } from '@vinejs/vine/types'
import { translatorFor } from '#app/core/i18n/request_locale'

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
 * An id or a cursor in a body or a query: a JSON number or a string of digits, from 1 to the
 * largest whole number JavaScript holds exactly (far below PostgreSQL's bigint). vine.number()
 * takes `true`, `[7]` or `[[7]]` for numbers (it calls Number()) and 1e308 for a whole one;
 * this takes none of them, so they are a translated field error, never a row or a database error.
 */
const wholeId = vine.createRule((value, _options, field) => {
  const ok =
    (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) ||
    (typeof value === 'string' &&
      /^[1-9]\d{0,15}$/.test(value) &&
      Number(value) <= Number.MAX_SAFE_INTEGER)
  if (!ok) return field.report('The {{ field }} field must be an id.', 'id', field)
  field.mutate(Number(value), field)
})

/*
 * Typed as the number schema it stands for: at run time it is vine.any() with the rule above
 * (only its `.optional()` is used, which both have).
 */
export function idField(): VineNumber {
  return vine.any().use(wholeId()) as unknown as VineNumber
}
