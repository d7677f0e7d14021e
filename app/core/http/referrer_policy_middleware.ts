import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/*
 * Links out of a tenant's site carry only its origin, never paths that may hold ids or
 * tokens (Shield sets the other security headers).
 */
export default class ReferrerPolicyMiddleware {
  async handle({ response }: HttpContext, next: NextFn) {
    response.header('Referrer-Policy', 'strict-origin-when-cross-origin')
    return next()
  }
}
