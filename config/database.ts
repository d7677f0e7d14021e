import env from '#start/env'
import { migrationPaths } from '#app/core/database/migration_paths'
import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/lucid'
import '#app/core/database/pg_types'
import { disposeOnReadTimeout } from '#app/core/database/read_timeout'

/*
 * Three connections to the same database:
 *  - app:   the runtime role (owns nothing, cannot bypass RLS); every request;
 *  - jobs:  the runtime role too, in a pool of its own for the job worker;
 *  - owner: the schema owner; migrations, seeds and `tenancy:check` only.
 * Ace defaults to `owner` (bin/console.ts), the server and tests to `app`.
 */
const ownerUrl = env.get('DATABASE_OWNER_URL') ?? env.get('DATABASE_URL')

/*
 * A database that does not answer must not hang the process (issue #11 §3). Every runtime and
 * jobs connection has a connect timeout, a statement timeout enforced by PostgreSQL, a client
 * read timeout a little longer (a frozen network never lets the server say anything), and an
 * idle-in-transaction timeout; taking a connection from a full pool has its own. Requests stay
 * within about 5 s; jobs get a longer statement budget. The owner (migrations) has none.
 */
export const databaseTimeouts = {
  connectMs: env.get('DB_CONNECT_TIMEOUT_MS', 2000),
  acquireMs: env.get('DB_ACQUIRE_TIMEOUT_MS', 3000),
  statementMs: env.get('DB_STATEMENT_TIMEOUT_MS', 3000),
  jobsStatementMs: env.get('JOBS_DB_STATEMENT_TIMEOUT_MS', 60000),
  idleInTransactionMs: env.get('DB_IDLE_IN_TRANSACTION_TIMEOUT_MS', 15000),
}

/** pg client settings for a pool whose statements may run `statementMs`. */
export function guardedConnection(statementMs: number) {
  return {
    connectionString: env.get('DATABASE_URL'),
    connectionTimeoutMillis: databaseTimeouts.connectMs,
    statement_timeout: statementMs,
    query_timeout: statementMs + 500,
    idle_in_transaction_session_timeout: databaseTimeouts.idleInTransactionMs,
    keepAlive: true,
  }
}

const dbConfig = defineConfig({
  connection: env.get('DB_CONNECTION', 'app'),
  connections: {
    app: {
      client: 'pg',
      connection: guardedConnection(databaseTimeouts.statementMs),
      // Query events are counted by tests (no N+1, no query per request once warm).
      debug: app.inTest,
      pool: {
        min: 0,
        max: env.get('DB_POOL_MAX', 20),
        acquireTimeoutMillis: databaseTimeouts.acquireMs,
        afterCreate: disposeOnReadTimeout,
      },
      migrations: { naturalSort: true, paths: await migrationPaths() },
    },
    // The job worker's own pool: jobs (some waiting seconds on a mail server) never take the
    // connections requests need, nor the other way round (ARCHITECTURE §5: never mix).
    jobs: {
      client: 'pg',
      connection: guardedConnection(databaseTimeouts.jobsStatementMs),
      pool: {
        min: 0,
        max: env.get('JOBS_DB_POOL_MAX', 8),
        acquireTimeoutMillis: databaseTimeouts.acquireMs,
        afterCreate: disposeOnReadTimeout,
      },
    },
    owner: {
      client: 'pg',
      connection: { connectionString: ownerUrl },
      pool: { min: 0, max: 4 },
      migrations: { naturalSort: true, paths: await migrationPaths() },
      seeders: { paths: ['database/seeders'] },
    },
  },
})

export default dbConfig
