import type { HttpContext } from '@adonisjs/core/http'

/* An API client (not a browser, not Inertia) that asked for JSON. */
export function wantsJson({ request }: HttpContext) {
  return !request.header('x-inertia') && request.accepts(['html', 'json']) === 'json'
}
