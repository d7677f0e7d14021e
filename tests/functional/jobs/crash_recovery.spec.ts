import { test } from '@japa/runner'
import { spawn, type ChildProcess } from 'node:child_process'
import db from '@adonisjs/lucid/services/db'
import { enqueue, queue } from '#app/jobs/queue'
import { slowProbeJob } from '#app/jobs/probe_job'
import { inTenant } from '#tests/support/people'

/*
 * A worker killed mid-job (SECURITY J4): `kill -9` a `node ace jobs:work` process while it runs a
 * job; the attempt expires, and another worker finishes the job, once. This process stops
 * working that queue for the test, so only the child workers take it.
 */
function worker(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['ace', 'jobs:work'], {
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('worker did not start')), 60_000)
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('jobs:work: working')) {
        clearTimeout(timer)
        resolve(child)
      }
    })
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)))
  })
}

const stateOf = async (id: string) =>
  (await db.rawQuery(`select state, retry_count from pgboss.job where id = ?`, [id])).rows[0] as
    { state: string; retry_count: number } | undefined

async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean, ms: number) {
  const started = Date.now()
  for (;;) {
    const value = await probe()
    if (done(value)) return value
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms: ${JSON.stringify(value)}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

test.group('Crash recovery', () => {
  test('a worker killed with SIGKILL mid-job: the job comes back and another worker finishes it, once (J4)', async ({
    assert,
  }) => {
    await (await queue()).offWork(slowProbeJob.name)
    const first = await worker()
    const marker = `crash-${Date.now()}`
    const id = (await inTenant('fuel', () =>
      enqueue(slowProbeJob, { marker, firstAttemptMs: 60_000 })
    ))!
    await until(
      () => stateOf(id),
      (job) => job?.state === 'active',
      30_000
    )
    first.kill('SIGKILL')

    const second = await worker()
    try {
      const done = await until(
        () => stateOf(id),
        (job) => job?.state === 'completed',
        60_000
      )
      assert.equal(done?.retry_count, 1)
      const rows = await inTenant('fuel', () =>
        db
          .from('audit_log')
          .where('action', 'jobs.probe')
          .whereRaw(`after->>'marker' = ?`, [marker])
      )
      assert.lengthOf(rows, 1)
      assert.equal(rows[0].after.attempt, 2)
    } finally {
      // SIGTERM: the graceful stop.
      await new Promise<void>((resolve) => {
        second.once('exit', () => resolve())
        second.kill('SIGTERM')
      })
    }
  }).timeout(180_000)
})
