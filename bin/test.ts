/*
 * Test runner entrypoint (`npm test` -> `node ace test` -> this file).
 * Starts (or reuses) the embedded test cluster on its own port with a fresh database,
 * or uses DATABASE_URL / DATABASE_OWNER_URL when given (CI's external pass).
 */
process.env.NODE_ENV = 'test'
process.env.HOST ??= '127.0.0.1'
process.env.PORT ??= '3390'
// The isolation canary runs on a pool of 2, as the design asks.
process.env.DB_POOL_MAX ??= '2'

import './subpath_imports.js'
import 'reflect-metadata'
import { Ignitor, prettyPrintError } from '@adonisjs/core'
import { configure, processCLIArgs, run } from '@japa/runner'

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

ensureLocalEnv()
// The app's log goes to a file the suite can read (SECURITY A9: no secret in any log line).
{
  const { mkdirSync, writeFileSync } = await import('node:fs')
  const logDir = new URL('../tmp/logs/', import.meta.url)
  mkdirSync(logDir, { recursive: true })
  process.env.LOG_FILE ??= new URL(`test-${process.pid}.log`, logDir).pathname
  writeFileSync(process.env.LOG_FILE, '')
}
// Custom-domain checks ask a DNS stub on loopback, on a free port (runs may overlap).
const { dnsStub } = await import('../tests/support/dns_stub.ts')
process.env.DNS_RESOLVER = `127.0.0.1:${await dnsStub.listen()}`
// Mail goes to a real SMTP server on loopback, which keeps what it receives for the tests.
const { smtpCapture } = await import('../tests/support/smtp_capture.ts')
const smtpPort = await smtpCapture.listen()
process.env.MAIL_SMTP_URL = `smtp://127.0.0.1:${smtpPort}`
// The sandbox providers on loopback; tenants may point integrations at them and at the capture
// SMTP (allow-listed by host and port), at no other loopback port (SECURITY S7).
const { testSandbox } = await import('../tests/support/sandbox.ts')
const sandbox = await testSandbox.start()
// A mail server that accepts connections and never answers (a tenant's hung SMTP, SECURITY J6).
const { createServer } = await import('node:net')
const hungSockets = new Set<import('node:net').Socket>()
const hungSmtp = createServer((socket) => {
  hungSockets.add(socket)
  socket.on('close', () => hungSockets.delete(socket))
})
await new Promise<void>((resolve) => hungSmtp.listen(0, '127.0.0.1', resolve))
const hungPort = (hungSmtp.address() as import('node:net').AddressInfo).port
process.env.TEST_HUNG_SMTP_PORT = String(hungPort)
process.env.INTEGRATIONS_ALLOWED_HOSTS = `127.0.0.1:${sandbox.port},127.0.0.1:${smtpPort},127.0.0.1:${hungPort}`
// The demo seed connects the demo tenants to it, as the dev server's seed does to its own.
process.env.SANDBOX_URL = `http://127.0.0.1:${sandbox.port}`
const database = await prepareDatabase('test', { fresh: true })

new Ignitor(APP_ROOT, { importer: IMPORTER })
  .tap((app) => {
    app.booting(async () => {
      await import('#start/env')
    })
    app.terminating(async () => {
      await smtpCapture.close()
      await testSandbox.close()
      for (const socket of hungSockets) socket.destroy()
      hungSmtp.close()
      await database.stop()
    })
    app.listen('SIGTERM', () => app.terminate())
    app.listenIf(app.managedByPm2, 'SIGINT', () => app.terminate())
  })
  .testRunner()
  .configure(async (app) => {
    const { runnerHooks, ...config } = await import('../tests/bootstrap.ts')

    processCLIArgs(process.argv.splice(2))
    configure({
      ...app.rcFile.tests,
      ...config,
      ...{
        setup: runnerHooks.setup,
        teardown: runnerHooks.teardown.concat([() => app.terminate()]),
      },
    })
  })
  .run(() => run())
  .catch(async (error) => {
    process.exitCode = 1
    await database.stop()
    prettyPrintError(error)
  })
