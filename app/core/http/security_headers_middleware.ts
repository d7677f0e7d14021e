import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/*
 * The security headers of every answer, set before anything else can answer: the neutral 404
 * for unknown hosts, error pages, public files and pages alike. Links out carry only the
 * origin; nothing may sniff a type or frame us. Pages then get Shield's full policy (scripts
 * with a nonce), which replaces this strict default.
 */
const STRICT_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; " +
  "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"

export default class SecurityHeadersMiddleware {
  async handle({ response }: HttpContext, next: NextFn) {
    response.header('Referrer-Policy', 'strict-origin-when-cross-origin')
    response.header('X-Content-Type-Options', 'nosniff')
    response.header('X-Frame-Options', 'DENY')
    await next()
    // Shield writes its policy on the raw response; a handler may set its own (assets).
    const raw = response.response
    if (!raw.headersSent && !raw.hasHeader('content-security-policy')) {
      if (!response.getHeader('content-security-policy')) {
        response.header('Content-Security-Policy', STRICT_POLICY)
      }
    }
  }
}
