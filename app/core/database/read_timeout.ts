/*
 * node-postgres gives up on a query after `query_timeout` ("Query read timeout") but keeps the
 * connection, whose lost query still holds it: every later query would queue behind it. Knex
 * would hand it out again. This pool hook marks such a connection disposed, so the pool
 * validates it away and opens a fresh one (issue #11 §3: a frozen database costs each request
 * one timeout, not a queue of them).
 */
type Callback = (error: Error | null, result?: unknown) => void

interface PgClient {
  query: (...args: unknown[]) => unknown
  /** What knex's pool checks before handing a connection out. */
  __knex__disposed?: unknown
}

export const READ_TIMEOUT_MESSAGE = 'Query read timeout'

export function disposeOnReadTimeout(
  connection: PgClient,
  done: (error: Error | null, connection: PgClient) => void
) {
  const query = connection.query.bind(connection)
  connection.query = (...args: unknown[]) => {
    const callback = args.at(-1)
    if (typeof callback === 'function') {
      args[args.length - 1] = ((error, result) => {
        if (error?.message === READ_TIMEOUT_MESSAGE) connection.__knex__disposed = error
        ;(callback as Callback)(error, result)
      }) satisfies Callback
    }
    return query(...args)
  }
  done(null, connection)
}
