import type { HttpContext } from '@adonisjs/core/http'
import type { VineValidator } from '@vinejs/vine'
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
