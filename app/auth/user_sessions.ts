/*
 * Sessions a person can see and end (SECURITY A7). Each sign-in opens a row in `user_sessions`
 * whose random reference is kept in the session; every authenticated request checks it, so
 * ending a session — from the account screen, by disabling the user, by a password change —
 * takes effect on the next request whatever the session store (cookie or Redis).
 */
import { randomBytes } from 'node:crypto'
import type { HttpContext } from '@adonisjs/core/http'
import User from '#app/auth/models/user'
import UserSession from '#app/auth/models/user_session'

export const SESSION_REF_KEY = 'session_ref'
/** Idle and absolute lifetimes (ASVS 7.3.1 / 7.3.2). */
export const IDLE_TIMEOUT_MS = 2 * 60 * 60 * 1000
export const ABSOLUTE_TIMEOUT_MS = 24 * 60 * 60 * 1000
/** An impersonated session ends after an hour whatever happens (SECURITY A8). */
export const IMPERSONATION_TIMEOUT_MS = 60 * 60 * 1000
/** last_seen_at is refreshed at most this often: one write per minute, not per request. */
const TOUCH_EVERY_MS = 60 * 1000

/** The rows an update touched (a model query's update resolves to `[count]`). */
function affected(result: unknown): number {
  return Number((result as number[])[0] ?? 0)
}

export async function openUserSession(
  ctx: HttpContext,
  userId: number,
  options: { impersonatorUserId?: number } = {}
) {
  const ref = randomBytes(16).toString('base64url')
  await UserSession.create({
    id: ref,
    userId,
    impersonatorUserId: options.impersonatorUserId ?? null,
    ip: ctx.request.ip(),
    userAgent: (ctx.request.header('user-agent') ?? '').slice(0, 300),
  })
  ctx.session.put(SESSION_REF_KEY, ref)
  return ref
}

export interface LiveSession {
  id: string
  impersonatorUserId: number | null
}

export interface SessionRow {
  user_id: number
  impersonator_user_id: number | null
  created_at: Date | string
  last_seen_at: Date | string
  revoked_at: Date | string | null
}

/**
 * The signed-in user and its session row in one query (the user's columns, and the row's as
 * `session_*`), or null. What the session guard and liveSession() would read in two.
 */
export async function userWithSession(ctx: HttpContext, userId: number) {
  const ref = ctx.session.get(SESSION_REF_KEY) as string | undefined
  if (!ref) return null
  // Every signed-in request: one query through the user's model (tenant filter by
  // construction), as a plain row the session guard hydrates itself.
  const row = await User.query()
    .join('user_sessions as s', (join) => {
      join.on('s.tenant_id', 'users.tenant_id').andOn('s.user_id', 'users.id')
    })
    .where('users.id', userId)
    .where('s.id', ref)
    .select('users.*')
    .select(
      's.user_id as session_user_id',
      's.impersonator_user_id as session_impersonator_user_id',
      's.created_at as session_created_at',
      's.last_seen_at as session_last_seen_at',
      's.revoked_at as session_revoked_at'
    )
    .pojo<Record<string, unknown>>()
    .first()
  if (!row) return null
  const user: Record<string, unknown> = {}
  const session: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(row)) {
    if (key.startsWith('session_')) session[key.slice(8)] = value
    else user[key] = value
  }
  return { user, session: session as unknown as SessionRow }
}

/** Idle too long, too old, or an impersonation past its hour. */
export function sessionExpired(
  row: Pick<SessionRow, 'created_at' | 'last_seen_at' | 'impersonator_user_id'>,
  now = Date.now()
): boolean {
  const age = now - new Date(row.created_at).getTime()
  return (
    now - new Date(row.last_seen_at).getTime() > IDLE_TIMEOUT_MS ||
    age > ABSOLUTE_TIMEOUT_MS ||
    (row.impersonator_user_id !== null && age > IMPERSONATION_TIMEOUT_MS)
  )
}

/** The session row behind this request, or null when it was ended, expired or never opened. */
export async function liveSession(
  ctx: HttpContext,
  userId: number,
  prefetched?: SessionRow
): Promise<LiveSession | null> {
  const ref = ctx.session.get(SESSION_REF_KEY) as string | undefined
  if (!ref) return null
  const row =
    prefetched ??
    (await UserSession.query()
      .where('id', ref)
      .select('user_id', 'impersonator_user_id', 'created_at', 'last_seen_at', 'revoked_at')
      .pojo<SessionRow>()
      .first())
  if (!row || row.revoked_at || Number(row.user_id) !== userId) return null
  const now = Date.now()
  if (sessionExpired(row, now)) {
    await revokeSession(userId, ref)
    return null
  }
  if (now - new Date(row.last_seen_at).getTime() > TOUCH_EVERY_MS) {
    await UserSession.query()
      .where('id', ref)
      .update({ last_seen_at: new Date(), ip: ctx.request.ip() })
  }
  return {
    id: ref,
    impersonatorUserId: row.impersonator_user_id === null ? null : Number(row.impersonator_user_id),
  }
}

export function currentSessionRef(ctx: HttpContext): string | null {
  return (ctx.session.get(SESSION_REF_KEY) as string | undefined) ?? null
}

export async function revokeSession(userId: number, ref: string): Promise<boolean> {
  const result = await UserSession.query()
    .where({ id: ref, user_id: userId })
    .whereNull('revoked_at')
    .update({ revoked_at: new Date() })
  return affected(result) > 0
}

/** Ends every live session of a user, except `keep` (the one asking, when it stays). */
export async function revokeAllSessions(userId: number, keep?: string | null): Promise<number> {
  const result = await UserSession.query()
    .where('user_id', userId)
    .whereNull('revoked_at')
    .if(keep, (query) => query.whereNot('id', keep!))
    .update({ revoked_at: new Date() })
  return affected(result)
}

export async function sessionsOf(userId: number) {
  const since = new Date(Date.now() - IDLE_TIMEOUT_MS)
  const rows = await UserSession.query()
    .where('user_id', userId)
    .whereNull('revoked_at')
    .where('last_seen_at', '>', since)
    .orderBy('last_seen_at', 'desc')
    .limit(50)
    .select('id', 'ip', 'user_agent', 'created_at', 'last_seen_at')
    .pojo<{
      id: string
      ip: string | null
      user_agent: string | null
      created_at: Date | string
      last_seen_at: Date | string
    }>()
  return rows.map((row) => ({
    id: row.id,
    ip: row.ip,
    userAgent: row.user_agent,
    createdAt: new Date(row.created_at).toISOString(),
    lastSeenAt: new Date(row.last_seen_at).toISOString(),
  }))
}
