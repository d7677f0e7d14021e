import env from '#start/env'
import { defineConfig } from '@adonisjs/transmit'
import { redisTransport } from '#app/notifications/redis_transport'

/*
 * Server-sent events (issue #4 §9). With REDIS_URL, a broadcast in one app process reaches the
 * streams held open by every other; without it one process serves everything. A ping every
 * 25 s keeps proxies from closing an idle stream.
 */
const redisUrl = env.get('REDIS_URL')

export default defineConfig({
  pingInterval: '25s',
  transport: redisUrl ? { driver: redisTransport(redisUrl), channel: 'kabinet:transmit' } : null,
})
