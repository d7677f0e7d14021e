import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/lucid'
import '#core/database/pg_types'

/*
 * Three connections to the same database:
 *  - app:   the runtime role (owns nothing, cannot bypass RLS); every request;
 *  - jobs:  the runtime role too, in a pool of its own for the job worker;
 *  - owner: the schema owner; migrations, seeds and `tenancy:check` only.
 * Ace defaults to `owner` (bin/console.ts), the server and tests to `app`.
 */
const ownerUrl = env.get('DATABASE_OWNER_URL') ?? env.get('DATABASE_URL')

const dbConfig = defineConfig({
  connection: env.get('DB_CONNECTION', 'app'),
  connections: {
    app: {
      client: 'pg',
      connection: { connectionString: env.get('DATABASE_URL') },
      // Query events are counted by tests (no N+1, no query per request once warm).
      debug: app.inTest,
      pool: { min: 0, max: env.get('DB_POOL_MAX', 20), acquireTimeoutMillis: 10000 },
      migrations: { naturalSort: true, paths: ['database/migrations'] },
    },
    // The job worker's own pool: jobs (some waiting seconds on a mail server) never take the
    // connections requests need, nor the other way round (ARCHITECTURE §5: never mix).
    jobs: {
      client: 'pg',
      connection: { connectionString: env.get('DATABASE_URL') },
      pool: { min: 0, max: env.get('JOBS_DB_POOL_MAX', 8), acquireTimeoutMillis: 10000 },
    },
    owner: {
      client: 'pg',
      connection: { connectionString: ownerUrl },
      pool: { min: 0, max: 4 },
      migrations: { naturalSort: true, paths: ['database/migrations'] },
      seeders: { paths: ['database/seeders'] },
    },
  },
})

export default dbConfig
