/*
 * Creates (idempotently) the two roles and the database Kabinet runs on:
 *   - kabinet_owner: owns the schema; migrations and `tenancy:check` connect as it;
 *   - kabinet_app:   the runtime role; owns nothing, not superuser, no BYPASSRLS.
 * Used for the embedded cluster and, from the command line, for an operator's own
 * PostgreSQL 15+: `node --import @poppinss/ts-exec bin/provision_database.ts <superuser-url> [database] [--fresh]`.
 */
import pg from 'pg'

export const OWNER_ROLE = 'kabinet_owner'
export const RUNTIME_ROLE = 'kabinet_app'

export interface ProvisionOptions {
  superuserUrl: string
  database: string
  ownerPassword: string
  runtimePassword: string
  fresh: boolean
}

export interface ProvisionedDatabase {
  runtimeUrl: string
  ownerUrl: string
}

const EXTENSIONS = ['ltree', 'citext', 'pg_trgm', 'btree_gist']

function quoteLiteral(value: string) {
  return `'${value.replaceAll("'", "''")}'`
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

async function ensureRole(client: pg.Client, role: string, password: string, attributes: string) {
  const { rowCount } = await client.query('select 1 from pg_roles where rolname = $1', [role])
  const verb = rowCount ? 'alter' : 'create'
  await client.query(`${verb} role ${role} ${attributes} password ${quoteLiteral(password)}`)
}

export async function provisionDatabase(options: ProvisionOptions): Promise<ProvisionedDatabase> {
  const { database } = options
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) {
    throw new Error(`Unsafe database name: ${database}`)
  }

  await withClient(options.superuserUrl, async (client) => {
    await ensureRole(client, OWNER_ROLE, options.ownerPassword, 'login nosuperuser nobypassrls')
    await ensureRole(
      client,
      RUNTIME_ROLE,
      options.runtimePassword,
      'login nosuperuser nobypassrls nocreatedb nocreaterole noinherit'
    )
    if (options.fresh) {
      await client.query(`drop database if exists ${database} with (force)`)
    }
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [
      database,
    ])
    if (!rowCount) {
      await client.query(`create database ${database} owner ${OWNER_ROLE} encoding 'UTF8'`)
    }
  })

  const superuserOnDatabase = new URL(options.superuserUrl)
  superuserOnDatabase.pathname = `/${database}`
  await withClient(superuserOnDatabase.toString(), async (client) => {
    for (const extension of EXTENSIONS) {
      await client.query(`create extension if not exists ${extension}`)
    }
    await client.query(`revoke all on database ${database} from public`)
    await client.query(`grant connect, temporary on database ${database} to ${RUNTIME_ROLE}`)
    await client.query(`grant all on database ${database} to ${OWNER_ROLE}`)
    await client.query(`alter schema public owner to ${OWNER_ROLE}`)
    await client.query(`revoke create on schema public from public`)
    await client.query(`grant usage on schema public to ${RUNTIME_ROLE}`)
    await client.query(
      `alter default privileges for role ${OWNER_ROLE} in schema public ` +
        `grant select, insert, update, delete on tables to ${RUNTIME_ROLE}`
    )
    await client.query(
      `alter default privileges for role ${OWNER_ROLE} in schema public ` +
        `grant usage, select on sequences to ${RUNTIME_ROLE}`
    )
  })

  const urlFor = (role: string, password: string) => {
    const url = new URL(options.superuserUrl)
    url.username = role
    url.password = password
    url.pathname = `/${database}`
    return url.toString()
  }
  return {
    ownerUrl: urlFor(OWNER_ROLE, options.ownerPassword),
    runtimeUrl: urlFor(RUNTIME_ROLE, options.runtimePassword),
  }
}

/* Command-line use for an external PostgreSQL (CI's external pass, operators). */
if (import.meta.url === `file://${process.argv[1]}`) {
  const [superuserUrl, database = 'kabinet', flag] = process.argv.slice(2)
  if (!superuserUrl) {
    console.error('usage: provision_database.ts <superuser-url> [database] [--fresh]')
    process.exit(2)
  }
  const ownerPassword = process.env.OWNER_PASSWORD ?? 'kabinet-owner'
  const runtimePassword = process.env.RUNTIME_PASSWORD ?? 'kabinet-app'
  const urls = await provisionDatabase({
    superuserUrl,
    database,
    ownerPassword,
    runtimePassword,
    fresh: flag === '--fresh',
  })
  console.log(`DATABASE_URL=${urls.runtimeUrl}`)
  console.log(`DATABASE_OWNER_URL=${urls.ownerUrl}`)
}
