import type { HttpContext } from '@adonisjs/core/http'
import app from '@adonisjs/core/services/app'
import { normalizeHost } from '#app/tenancy/host'

/*
 * Caddy on-demand TLS asks before issuing a certificate: 200 only for an active domain of
 * an active tenant, 404 for everything else, including a lookup failure (fail closed).
 */
export default class TlsAskController {
  async handle({ request, response }: HttpContext) {
    try {
      const registry = await app.container.make('tenancy.registry')
      const host = normalizeHost(String(request.qs().domain ?? ''))
      if (await registry.isActiveHost(host)) return response.ok('')
    } catch {
      // fall through: never issue on doubt
    }
    return response.notFound('')
  }
}
