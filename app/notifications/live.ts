/*
 * Live updates of the notification centre over server-sent events (@adonisjs/transmit).
 *
 * One channel per person and tenant. The browser never names a channel or a stream id: the
 * stream route (signed in, on the tenant's domain) makes a random stream id and subscribes it to
 * the signed-in person's channel itself, so nobody can listen to another's, and a stream opened on
 * one app process needs no follow-up request that a load balancer could send to another.
 * A stream lasts a few minutes; the browser reconnects and is authenticated again, so a session
 * ended elsewhere stops hearing within that time.
 *
 * What is sent: only that something arrived (its id). The page then asks for its feed, rendered
 * in its reader's language; no text of a notification crosses the bus.
 */
import { randomUUID } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import type { HttpContext } from '@adonisjs/core/http'
import transmit from '@adonisjs/transmit/services/main'
import { afterCommit } from '#app/core/database/tenant_context'

export const STREAM_LIFETIME_MS = 5 * 60_000

const openStreams = new Set<ServerResponse>()

/**
 * Ends every open stream, so a stopping server is not held open by them (the HTTP server waits
 * for open connections); the browsers reconnect, to this server when it is back or to another.
 */
export function endAllStreams() {
  for (const raw of openStreams) raw.end()
  openStreams.clear()
}

export function inboxChannel(tenantId: number, userId: number) {
  return `tenants/${tenantId}/users/${userId}/notifications`
}

/** Tells each person's open pages, once the current transaction commits (never for a rollback). */
export function announceAfterCommit(
  tenantId: number,
  arrivals: Array<{ userId: number; id: number }>
) {
  if (arrivals.length === 0) return
  afterCommit(() => {
    for (const { userId, id } of arrivals) {
      transmit.broadcast(inboxChannel(tenantId, userId), { event: 'arrived', id: Number(id) })
    }
  })
}

/** Tells a person's other pages that they read notifications (badges go down everywhere). */
export function announceReadAfterCommit(tenantId: number, userId: number) {
  afterCommit(() => transmit.broadcast(inboxChannel(tenantId, userId), { event: 'read', id: null }))
}

/** Opens the signed-in person's stream (the route's middleware has authenticated them). */
export async function openInboxStream(ctx: HttpContext, userId: number) {
  const uid = randomUUID()
  const stream = transmit.createStream({
    uid,
    context: ctx,
    request: ctx.request.request,
    response: ctx.response.response,
    injectResponseHeaders: ctx.response.getHeaders(),
  })
  await transmit.subscribe({
    uid,
    channel: inboxChannel(ctx.tenant.id, userId),
    context: ctx,
    skipAuthorization: true,
  })
  const raw = ctx.response.response
  openStreams.add(raw)
  const timer = setTimeout(() => raw.end(), STREAM_LIFETIME_MS)
  raw.on('close', () => {
    clearTimeout(timer)
    openStreams.delete(raw)
  })
  return stream
}
