import { Exception } from '@adonisjs/core/exceptions'

/** A route id: a positive safe integer, or null (the caller answers 404). */
export function idParam(value: unknown): number | null {
  const id = Number(value)
  return Number.isSafeInteger(id) && id > 0 ? id : null
}

/** The neutral 404 every "not yours or not there" answer uses. */
export const notFound = () => new Exception('Not found', { status: 404, code: 'E_ROW_NOT_FOUND' })
