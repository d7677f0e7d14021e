/*
 * A fresh clone has no .env. Rather than asking a newcomer to generate secrets,
 * the first start writes one with a random APP_KEY (the file is gitignored).
 */
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'

export function ensureLocalEnv() {
  const envFile = new URL('../.env', import.meta.url)
  if (process.env.APP_KEY) return
  if (existsSync(envFile) && /^APP_KEY=.+/m.test(readFileSync(envFile, 'utf8'))) return
  const appKey = randomBytes(32).toString('base64url')
  const existing = existsSync(envFile) ? readFileSync(envFile, 'utf8') : ''
  writeFileSync(envFile, `${existing}APP_KEY=${appKey}\n`, { mode: 0o600 })
}
