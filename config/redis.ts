import env from '#start/env'
import { defineConfig } from '@adonisjs/redis'
import type { InferConnections } from '@adonisjs/redis/types'

/*
 * Redis is optional (REDIS_URL). When set, sessions live there (so every app process shares
 * them and they can be listed and revoked); the tenant-registry bus opens its own pub/sub
 * connections. Without it nothing ever connects: the manager is created on first use.
 */
const url = new URL(env.get('REDIS_URL') ?? 'redis://127.0.0.1:6379/0')
const commandTimeoutMs = env.get('REDIS_COMMAND_TIMEOUT_MS', 800)

const redisConfig = defineConfig({
  connection: 'main',
  connections: {
    main: {
      host: url.hostname,
      port: url.port || 6379,
      username: decodeURIComponent(url.username) || undefined,
      password: decodeURIComponent(url.password) || undefined,
      db: Number(url.pathname.slice(1) || 0),
      keyPrefix: 'kabinet:',
      /*
       * Redis down or frozen must not hang a request (issue #11 §3): connecting and every command
       * give up within REDIS_COMMAND_TIMEOUT_MS (the request answers 503), a socket that stops
       * answering is dropped, and reconnecting is retried at most a second apart, so service
       * returns by itself within seconds of Redis.
       */
      connectTimeout: commandTimeoutMs,
      commandTimeout: commandTimeoutMs,
      socketTimeout: commandTimeoutMs * 3,
      maxRetriesPerRequest: 1,
      retryStrategy: (times: number) => Math.min(times * 100, 1000),
    },
  },
})

export default redisConfig

declare module '@adonisjs/redis/types' {
  export interface RedisConnections extends InferConnections<typeof redisConfig> {}
}
