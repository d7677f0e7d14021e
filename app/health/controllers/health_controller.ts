import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'

/* Liveness and readiness for load balancers and orchestrators. */
export default class HealthController {
  async live({ response }: HttpContext) {
    return response.ok({ status: 'ok' })
  }

  async ready({ response }: HttpContext) {
    const checks: Record<string, 'ok' | 'failing'> = {}
    checks.database = await db
      .connection('app')
      .rawQuery('select 1')
      .then(
        () => 'ok' as const,
        () => 'failing' as const
      )
    const redisUrl = env.get('REDIS_URL')
    if (redisUrl) {
      const { pingRedis } = await import('#health/redis_ping')
      checks.redis = (await pingRedis(redisUrl)) ? 'ok' : 'failing'
    }
    const healthy = Object.values(checks).every((state) => state === 'ok')
    return response.status(healthy ? 200 : 503).send({ status: healthy ? 'ok' : 'failing', checks })
  }
}
