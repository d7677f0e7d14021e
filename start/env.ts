/*
 * Environment variables, validated at boot. README's configuration table lists them.
 */
import { Env } from '@adonisjs/core/env'

export default await Env.create(new URL('../', import.meta.url), {
  NODE_ENV: Env.schema.enum(['development', 'production', 'test'] as const),
  PORT: Env.schema.number.optional(),
  HOST: Env.schema.string.optional({ format: 'host' }),
  APP_KEY: Env.schema.secret(),
  VAULT_KEYS: Env.schema.string.optional(),
  LOG_LEVEL: Env.schema.string.optional(),
  LOG_FILE: Env.schema.string.optional(),

  DATABASE_URL: Env.schema.string(),
  DATABASE_OWNER_URL: Env.schema.string.optional(),
  DB_CONNECTION: Env.schema.enum.optional(['app', 'owner'] as const),
  DB_POOL_MAX: Env.schema.number.optional(),
  JOBS_DB_POOL_MAX: Env.schema.number.optional(),
  // Timeouts of the runtime and jobs pools (issue #11 §3, README "Configuration").
  DB_CONNECT_TIMEOUT_MS: Env.schema.number.optional(),
  DB_ACQUIRE_TIMEOUT_MS: Env.schema.number.optional(),
  DB_STATEMENT_TIMEOUT_MS: Env.schema.number.optional(),
  JOBS_DB_STATEMENT_TIMEOUT_MS: Env.schema.number.optional(),
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: Env.schema.number.optional(),
  REDIS_COMMAND_TIMEOUT_MS: Env.schema.number.optional(),
  VIEWS_CACHE: Env.schema.boolean.optional(),

  REDIS_URL: Env.schema.string.optional(),

  PLATFORM_DOMAIN: Env.schema.string.optional(),
  PUBLIC_SCHEME: Env.schema.enum.optional(['http', 'https'] as const),
  PUBLIC_PORT: Env.schema.number.optional(),

  MAIL_SMTP_URL: Env.schema.string.optional(),
  MAIL_FROM_ADDRESS: Env.schema.string.optional(),
  TRUSTED_PROXIES: Env.schema.string.optional(),
  DNS_RESOLVER: Env.schema.string.optional(),
  /** Hosts (host or host:port, comma separated) tenants may point integrations at although
   * they are loopback or private: the sandbox providers. */
  INTEGRATIONS_ALLOWED_HOSTS: Env.schema.string.optional(),
  /** Where the sandbox providers answer (set by the dev server and the test runner). */
  SANDBOX_URL: Env.schema.string.optional(),
  SANDBOX_PORT: Env.schema.number.optional(),
  STORAGE_PATH: Env.schema.string.optional(),

  DEMO_PASSWORD: Env.schema.string.optional(),
  AUTO_MIGRATE: Env.schema.boolean.optional(),
})
