import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'

/** What readiness waits for one dependency: both answer within 2 s together (issue #11 §3). */
const CHECK_DEADLINE_MS = 1500

function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)
  })
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer))
}

const state = (work: Promise<unknown>) =>
  within(CHECK_DEADLINE_MS, work).then(
    () => 'ok' as const,
    () => 'failing' as const
  )

/*
 * Liveness and readiness for load balancers and orchestrators. Liveness depends on nothing;
 * readiness asks PostgreSQL and Redis at once, each within its deadline, and says 503 when one
 * does not answer — never hangs with them.
 */
export default class HealthController {
  async live({ response }: HttpContext) {
    return response.ok({ status: 'ok' })
  }

  async ready({ response }: HttpContext) {
    const redisUrl = env.get('REDIS_URL')
    const [database, redis] = await Promise.all([
      state(db.connection('app').rawQuery('select 1')),
      redisUrl
        ? state(
            import('#app/health/redis_ping').then(async ({ pingRedis }) => {
              if (!(await pingRedis(redisUrl))) throw new Error('no PONG')
            })
          )
        : null,
    ])
    const checks: Record<string, 'ok' | 'failing'> = { database }
    if (redis) checks.redis = redis
    const healthy = Object.values(checks).every((value) => value === 'ok')
    response.header('Cache-Control', 'no-store')
    return response.status(healthy ? 200 : 503).send({ status: healthy ? 'ok' : 'failing', checks })
  }
}
