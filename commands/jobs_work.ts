import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/*
 * `node ace jobs:work`: a worker process for the background jobs (issue #4 §7). SIGTERM or
 * Ctrl-C lets the jobs in hand finish (up to 30 s), then it exits; a worker killed outright
 * leaves its jobs to expire and be picked up again by the next worker.
 */
export default class JobsWork extends BaseCommand {
  static commandName = 'jobs:work'
  static description = 'Run a background job worker until stopped'
  static options: CommandOptions = { startApp: true, staysAlive: true }

  async run() {
    await import('#app/jobs/registry')
    const { startWorker } = await import('#app/jobs/worker')
    const { stopQueue } = await import('#app/jobs/queue')
    await startWorker()
    this.logger.info('jobs:work: working; SIGTERM to stop after the jobs in hand')
    const stop = async () => {
      await stopQueue()
      await this.app.terminate()
    }
    process.once('SIGTERM', stop)
    process.once('SIGINT', stop)
  }
}
