import { assert } from '@japa/assert'
import { apiClient } from '@japa/api-client'
import app from '@adonisjs/core/services/app'
import type { Config } from '@japa/runner/types'
import { pluginAdonisJS } from '@japa/plugin-adonisjs'
import testUtils from '@adonisjs/core/services/test_utils'
import { migrateAndRollOut } from '#app/platform/startup'
import { seedDemo } from '#app/platform/demo/seed_demo'
import { dnsStub } from '#tests/support/dns_stub'

export const plugins: Config['plugins'] = [assert(), apiClient(), pluginAdonisJS(app)]

/*
 * The suite runs against a fresh database (bin/test.ts recreates it). The functional and browser
 * suites migrate as the owner, seed the demo platform, start the job worker and the real HTTP
 * server before their first test; the unit suite needs none of it and starts at once (issue #12
 * §6: it spent 45 of its 47 s setting up).
 */
let platformReady: Promise<void> | undefined
let workerStarted = false

function preparePlatform() {
  platformReady ??= (async () => {
    // Supervision is left to the workers tests spawn (app/jobs/queue.ts, queueSettings); set
    // before anything starts this process's queue.
    const { queueSettings } = await import('#app/jobs/queue')
    queueSettings.supervise = false
    await migrateAndRollOut(app)
    const db = await app.container.make('lucid.db')
    await seedDemo(db, { production: false })
    // The background worker runs in the test process, as in development.
    await import('#app/jobs/registry')
    const { startWorker } = await import('#app/jobs/worker')
    await startWorker()
    workerStarted = true
  })()
  return platformReady
}

export const runnerHooks: Required<Pick<Config, 'setup' | 'teardown'>> = {
  setup: [],
  teardown: [
    async () => {
      if (!workerStarted) return
      const { stopQueue } = await import('#app/jobs/queue')
      await stopQueue(5000)
    },
    () => dnsStub.close(),
  ],
}

export const configureSuite: Config['configureSuite'] = (suite) => {
  if (['browser', 'functional'].includes(suite.name)) {
    return suite.setup(async () => {
      await preparePlatform()
      const close = await testUtils.httpServer().start()
      return async () => {
        await close()
      }
    })
  }
}
