import env from '#start/env'
import { defineConfig, stores } from '@adonisjs/limiter'

/*
 * Throttling counters (sign-in, codes, mail-sending forms). With REDIS_URL they live in Redis,
 * shared by every app process (ARCHITECTURE §11), and a Redis that is not ready refuses rather
 * than letting guesses through (SECURITY A3: fail closed, answered 503). Without Redis, the
 * single process keeps them in memory.
 */
const limiterConfig = defineConfig({
  default: env.get('REDIS_URL') ? 'redis' : 'memory',
  stores: {
    memory: stores.memory({}),
    redis: stores.redis({ connectionName: 'main', rejectIfRedisNotReady: true }),
  },
})

export default limiterConfig

declare module '@adonisjs/limiter/types' {
  export interface LimitersList extends InferLimiters<typeof limiterConfig> {}
}
