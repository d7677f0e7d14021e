/*
 * Cross-process invalidation of the tenant registry over Redis pub/sub (REDIS_URL).
 * A message only says "reload"; the database stays the source of truth.
 */
import { Redis } from 'ioredis'
import type { InvalidationBus } from './tenant_registry.ts'

const CHANNEL = 'kabinet:tenancy:invalidate'

export async function connectRedisBus(
  url: string,
  onInvalidate: () => void
): Promise<InvalidationBus> {
  const publisher = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2 })
  const subscriber = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2 })
  await Promise.all([publisher.connect(), subscriber.connect()])
  const origin = `${process.pid}-${Math.random().toString(36).slice(2)}`
  await subscriber.subscribe(CHANNEL)
  subscriber.on('message', (_channel, message) => {
    if (message !== origin) onInvalidate()
  })
  return {
    publish: async () => {
      await publisher.publish(CHANNEL, origin)
    },
    close: async () => {
      await Promise.allSettled([subscriber.quit(), publisher.quit()])
    },
  }
}
