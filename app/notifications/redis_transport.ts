/*
 * Transmit's bus over Redis pub/sub (REDIS_URL), so a notification fired in one app process
 * reaches the pages listening on another (ARCHITECTURE §11). Transmit's own Redis transport
 * wants ioredis 5; this is the same contract on the ioredis the app already uses.
 */
import { Redis } from 'ioredis'
import type { defineConfig } from '@adonisjs/transmit'

type TransportFactory = NonNullable<Parameters<typeof defineConfig>[0]['transport']>['driver']
type Transport = ReturnType<TransportFactory>
type Handler = Parameters<Transport['subscribe']>[1]

export function redisTransport(url: string): TransportFactory {
  return () => {
    const publisher = new Redis(url, { maxRetriesPerRequest: 2 })
    const subscriber = new Redis(url, { maxRetriesPerRequest: 2 })
    const handlers = new Map<string, Handler>()
    let busId = ''
    subscriber.on('message', (channel: string, raw: string) => {
      const handler = handlers.get(channel)
      if (!handler) return
      try {
        const message = JSON.parse(raw) as { busId: string; payload: unknown }
        // This process's own broadcasts were already delivered locally.
        if (message.busId === busId) return
        void handler(message.payload as never)
      } catch {
        // Not ours: another writer on the channel. Ignored.
      }
    })
    const transport: Transport = {
      setId(id: string) {
        busId = id
        return transport
      },
      onReconnect(callback: () => void) {
        subscriber.on('reconnecting', callback)
      },
      async publish(channel, payload) {
        await publisher.publish(channel, JSON.stringify({ busId, payload }))
      },
      async subscribe(channel, handler) {
        handlers.set(channel, handler as Handler)
        await subscriber.subscribe(channel)
      },
      async unsubscribe(channel) {
        handlers.delete(channel)
        await subscriber.unsubscribe(channel)
      },
      async disconnect() {
        await Promise.allSettled([subscriber.quit(), publisher.quit()])
      },
    }
    return transport
  }
}
