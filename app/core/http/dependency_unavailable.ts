/*
 * Errors that mean "a store this request needs did not answer" — PostgreSQL or Redis down,
 * frozen, restarting or out of connections — rather than a bug. The exception handler answers
 * them with a translated 503 and Retry-After (issue #11 §3; SECURITY A3: fail closed).
 */

/** ioredis and the Redis limiter store. */
const REDIS_MESSAGES =
  /Connection is closed|Redis connection is not ready|Stream isn't writeable|Command timed out|Socket timeout/

/** node-postgres and the pool. */
const PG_MESSAGES =
  /Query read timeout|^timeout expired$|timeout exceeded when trying to connect|Connection terminated|not queryable|Timeout acquiring a connection/

const UNAVAILABLE_CODES = new Set([
  'E_DATABASE_UNAVAILABLE',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
])

/*
 * SQLSTATEs of an unavailable or overloaded server: connection exceptions (08…), statement or
 * idle-in-transaction timeout (57014, 25P03), shutdown and start-up (57P01–57P03), too many
 * connections (53300).
 */
const PG_STATES = /^(08\w{3}|57014|25P03|57P0[1-3]|53300)$/

function oneIsUnavailable(error: Error & { code?: unknown }): boolean {
  if (error.name === 'MaxRetriesPerRequestError' || error.name === 'KnexTimeoutError') return true
  const code = typeof error.code === 'string' ? error.code : ''
  if (UNAVAILABLE_CODES.has(code) || PG_STATES.test(code)) return true
  return REDIS_MESSAGES.test(error.message) || PG_MESSAGES.test(error.message)
}

export function isDependencyUnavailable(error: unknown): boolean {
  // Drivers and the ORM wrap: look down the cause chain (and into AggregateError).
  for (let depth = 0, current = error; depth < 5 && current instanceof Error; depth++) {
    if (oneIsUnavailable(current)) return true
    if (current instanceof AggregateError && current.errors.some(isDependencyUnavailable))
      return true
    current = current.cause
  }
  return false
}
