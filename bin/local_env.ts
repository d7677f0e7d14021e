/*
 * A fresh clone has no .env. Rather than asking a newcomer to generate secrets,
 * the first start writes one with a random APP_KEY and a first credential key (VAULT_KEYS,
 * app/vault/key_ring.ts); the file is gitignored. An older .env gains the key it lacks.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'

export function ensureLocalEnv() {
  const envFile = new URL('../.env', import.meta.url)
  let existing = existsSync(envFile) ? readFileSync(envFile, 'utf8') : ''
  if (!process.env.APP_KEY && !/^APP_KEY=.+/m.test(existing)) {
    existing += `APP_KEY=${randomBytes(32).toString('base64url')}\n`
  }
  // Production operators provide (and keep) their own credential keys.
  const production = process.env.NODE_ENV === 'production'
  if (!production && !process.env.VAULT_KEYS && !/^VAULT_KEYS=.+/m.test(existing)) {
    // Same shape as KeyRing.generateEntry (not imported: this runs before the app's loader).
    existing += `VAULT_KEYS=k1:${randomBytes(32).toString('base64url')}\n`
  }
  if (existing !== (existsSync(envFile) ? readFileSync(envFile, 'utf8') : '')) {
    writeFileSync(envFile, existing, { mode: 0o600 })
  }
}
