/*
 * Ace entrypoint. Commands that need the database (migrations, seeds, tenancy:check)
 * reuse the running embedded PostgreSQL or start it for the command's lifetime.
 * Ace connects as the owner role by default: migrations and catalog checks need it.
 */
import './subpath_imports.js'
import 'reflect-metadata'
import { Ignitor, prettyPrintError } from '@adonisjs/core'
import type { PreparedDatabase } from './embedded_postgres.ts'

// Loaded after the resolution hooks above are in place (static imports would resolve first).
const { ensureLocalEnv } = await import('./local_env.ts')
const { prepareDatabase } = await import('./embedded_postgres.ts')

const APP_ROOT = new URL('../', import.meta.url)
const IMPORTER = (filePath: string) => {
  if (filePath.startsWith('./') || filePath.startsWith('../')) {
    return import(new URL(filePath, APP_ROOT).href)
  }
  return import(filePath)
}

const commandName = process.argv[2] ?? ''
const ownDatabase =
  !['serve', 'test', 'build', 'list', ''].includes(commandName) &&
  !commandName.startsWith('make:') &&
  !commandName.startsWith('-')

process.env.NODE_ENV ??= 'development'
ensureLocalEnv()
let database: PreparedDatabase | undefined
if (ownDatabase) {
  database = await prepareDatabase(process.env.NODE_ENV === 'test' ? 'test' : 'app')
  process.env.DB_CONNECTION ??= 'owner'
}

new Ignitor(APP_ROOT, { importer: IMPORTER })
  .tap((app) => {
    app.booting(async () => {
      await import('#start/env')
    })
    app.terminating(async () => {
      await database?.stop()
    })
    app.listen('SIGTERM', () => app.terminate())
    app.listenIf(app.managedByPm2, 'SIGINT', () => app.terminate())
  })
  .ace()
  .handle(process.argv.splice(2))
  .catch(async (error) => {
    process.exitCode = 1
    await database?.stop()
    prettyPrintError(error)
  })
