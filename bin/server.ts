/*
 * HTTP server entrypoint (`npm start`, and `npm run dev` through ace serve).
 * Starts or reuses the embedded PostgreSQL, migrates, seeds the demo once, then serves.
 */
import './subpath_imports.js'
import 'reflect-metadata'
import { Ignitor, prettyPrintError } from '@adonisjs/core'

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

process.env.NODE_ENV ??= 'development'
ensureLocalEnv()
const database = await prepareDatabase('app', {
  log: (line) => process.env.DEBUG_EMBEDDED_PG && process.stderr.write(line),
})
// Outside production the sandbox providers run beside the app, and the demo connects to them.
const { startDevSandbox } = await import('./dev_sandbox.ts')
const sandbox = process.env.NODE_ENV === 'production' ? null : await startDevSandbox()

new Ignitor(APP_ROOT, { importer: IMPORTER })
  .tap((app) => {
    app.booting(async () => {
      await import('#start/env')
    })
    app.booted(async () => {
      const { prepareSchemaAndDemo } = await import('#app/platform/startup')
      await prepareSchemaAndDemo(app)
      // Outside production the app runs its job worker itself; production runs `node ace jobs:work`.
      if (!app.inProduction && process.env.JOBS_IN_PROCESS !== 'false') {
        await import('#app/jobs/registry')
        const { startWorker } = await import('#app/jobs/worker')
        await startWorker()
      }
    })
    app.terminating(async () => {
      const { stopQueue } = await import('#app/jobs/queue')
      await stopQueue()
      await sandbox?.close()
      await database.stop()
    })
    // Open notification streams would hold the HTTP server's close (the first thing terminating
    // waits for) until they end by themselves: they are ended first; browsers reconnect.
    const stop = async () => {
      if (app.isBooted) (await import('#app/notifications/live')).endAllStreams()
      await app.terminate()
    }
    app.listen('SIGTERM', stop)
    // Ctrl-C (or a SIGINT sent to us alone) stops the server and the PostgreSQL we started.
    app.listen('SIGINT', stop)
  })
  .httpServer()
  .start()
  .catch(async (error) => {
    prettyPrintError(error)
    await database.stop()
    // A booted app keeps pools and watchers open; a server that cannot start must not linger.
    process.exit(1)
  })
