import { test } from '@japa/runner'
import { eventually } from '#tests/support/eventually'
import db from '@adonisjs/lucid/services/db'
import { enqueue, enqueueMany, MissingTenantForJob, queue } from '#app/jobs/queue'
import { probeJob } from '#app/jobs/probe_job'
import app from '@adonisjs/core/services/app'
import { runInTenant } from '#app/core/database/tenant_context'
import { fanOut } from '#app/jobs/schedules'
import { pruneSchedule } from '#app/jobs/prune_job'
import { inTenant, newUser } from '#tests/support/people'
import { hostOf, Visitor } from '#tests/support/http'
import { smtpCapture } from '#tests/support/smtp_capture'

/* Background jobs (issue #4 §7; SECURITY J3, J5, and the tenant in every payload). */
const probes = (slug: string, marker: string) =>
  inTenant(slug, () =>
    db
      .from('audit_log')
      .where('action', 'jobs.probe')
      .whereRaw(`after->>'marker' like ?`, [`${marker}%`])
      .select('tenant_id', 'after')
  )

const marker = (label: string) => `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}`

test.group('Background jobs', () => {
  test('a job enqueued in a transaction that rolls back never runs; one that commits runs once (J5)', async ({
    assert,
  }) => {
    const rolledBack = marker('rolled-back')
    const committed = marker('committed')
    await assert.rejects(() =>
      inTenant('fuel', async () => {
        await enqueue(probeJob, { marker: rolledBack })
        throw new Error('the write that caused it failed')
      })
    )
    await inTenant('fuel', () => enqueue(probeJob, { marker: committed }))
    const ran = await eventually(
      () => probes('fuel', committed),
      (rows) => rows.length > 0
    )
    assert.lengthOf(ran, 1)
    // Long enough for the rolled-back one to have run, had it existed.
    await new Promise((resolve) => setTimeout(resolve, 1500))
    assert.lengthOf(await probes('fuel', rolledBack), 0)
    assert.lengthOf(await probes('fuel', committed), 1)
    const queued = await db.rawQuery(
      `select count(*)::int as n from pgboss.job where data->>'marker' = ?`,
      [rolledBack]
    )
    assert.equal(queued.rows[0].n, 0)
  }).timeout(30_000)

  test('the tenant is the transaction’s: outside one nothing is enqueued, and a job without a tenant is refused, never run', async ({
    assert,
  }) => {
    await assert.rejects(
      () => enqueue(probeJob, { marker: marker('outside') }),
      MissingTenantForJob
    )
    const orphan = marker('orphan')
    const boss = await queue()
    const id = await boss.send(probeJob.name, { marker: orphan })
    const final = await eventually(
      async () =>
        (await db.rawQuery(`select state from pgboss.job where id = ?`, [id])).rows[0]
          ?.state as string,
      (state) => state === 'failed'
    )
    assert.equal(final, 'failed')
    for (const slug of ['fuel', 'rail', 'pos']) assert.lengthOf(await probes(slug, orphan), 0)
  }).timeout(30_000)

  test('a job that fails every attempt becomes a dead letter its tenant’s staff can read and send again (J2, J3)', async ({
    assert,
  }) => {
    const failing = marker('failing')
    await inTenant('rail', () => enqueue(probeJob, { marker: failing, fail: true }))
    const deadLetters = () =>
      inTenant('rail', () =>
        db.from('job_failures').whereRaw(`payload->>'marker' = ?`, [failing]).orderBy('id')
      )
    const [letter] = await eventually(deadLetters, (rows) => rows.length > 0)
    assert.equal(letter.attempts, 2) // the first try and its one retry
    assert.match(letter.error, /failed on attempt 2/)
    assert.equal(
      letter.payload.tenantId,
      (await db.from('tenants').where('slug', 'rail').first()).id
    )
    // Other tenants do not see it.
    assert.lengthOf(
      await inTenant('fuel', () =>
        db.from('job_failures').whereRaw(`payload->>'marker' = ?`, [failing])
      ),
      0
    )

    const staff = new Visitor(hostOf('rail'))
    await staff.signIn('admin@rail.test')
    const { page } = await staff.pageOf('jobs/failures/index', '/cabinet/jobs/failures')
    assert.isTrue(page.props.failures.some((failure) => failure.id === Number(letter.id)))
    const retried = await staff.send('POST', `/cabinet/jobs/failures/${letter.id}/retry`, {})
    assert.equal(retried.status, 200, retried.body)
    // Sent again, it fails again: a second dead letter, for the new job.
    const after = await eventually(deadLetters, (rows) => rows.length > 1)
    assert.lengthOf(after, 2)
    assert.notEqual(after[1].job_id, after[0].job_id)
    assert.isNotNull(after[0].retried_at)
    // Another business's staff: not there.
    const fuel = new Visitor(hostOf('fuel'))
    await fuel.signIn('admin@fuel.test')
    assert.equal(
      (await fuel.send('POST', `/cabinet/jobs/failures/${letter.id}/retry`, {})).status,
      404
    )
  }).timeout(60_000)

  test('10,000 jobs of three tenants, interleaved in one queue, each runs once in its own tenant', async ({
    assert,
  }) => {
    const run = marker('bulk')
    const slugs = ['fuel', 'rail', 'pos']
    const ids = Object.fromEntries(
      await Promise.all(
        slugs.map(async (slug) => [
          slug,
          Number((await db.from('tenants').where('slug', slug).first()).id),
        ])
      )
    ) as Record<string, number>
    const total = 10_000
    let sent = 0
    // Round-robin in chunks: the queue holds the three tenants' jobs mixed.
    while (sent < total) {
      for (const slug of slugs) {
        const count = Math.min(100, total - sent)
        if (count <= 0) break
        const start = sent
        await inTenant(slug, () =>
          enqueueMany(
            probeJob,
            Array.from({ length: count }, (_, index) => ({
              marker: `${run}-${slug}-${start + index}`,
            }))
          )
        )
        sent += count
      }
    }
    const counts = async () => {
      let done = 0
      for (const slug of slugs) {
        const rows = await inTenant(slug, () =>
          db
            .from('audit_log')
            .where('action', 'jobs.probe')
            .whereRaw(`after->>'marker' like ?`, [`${run}-%`])
            .count('* as total')
        )
        done += Number(rows[0].total)
      }
      return done
    }
    const finished = await eventually(counts, (done) => done >= total, 120_000)
    assert.equal(finished, total)
    // Every row sits in the tenant its job named, and no job ran twice.
    let mismatches = 0
    for (const slug of slugs) {
      const rows = await probes(slug, `${run}-`)
      for (const row of rows) {
        if (row.after.tenantId !== ids[slug] || !row.after.marker.startsWith(`${run}-${slug}-`))
          mismatches++
      }
      assert.equal(new Set(rows.map((row) => row.after.marker)).size, rows.length)
    }
    assert.equal(mismatches, 0)
  }).timeout(180_000)
})

test.group('Scheduled work', () => {
  test('a scheduled task runs once per tenant per slot even when its cron trigger fires twice beside a direct fan-out (J8), and retention prunes what is past it', async ({
    assert,
  }) => {
    const slot = `test-${Date.now()}`
    const fuel = await db.from('tenants').where('slug', 'fuel').firstOrFail()
    const user = await newUser('fuel', 'staff')
    const old = new Date(Date.now() - 40 * 86_400_000)
    await inTenant('fuel', () =>
      db.table('user_sessions').insert({
        tenant_id: fuel.id,
        id: `old-${slot}`,
        user_id: user.id,
        created_at: old,
        last_seen_at: old,
        revoked_at: old,
      })
    )
    // The worker registered the daily cron with pg-boss, once (pg-boss fires it once across
    // every process that registered it).
    const boss = await queue()
    const schedules = await boss.getSchedules('maintenance.prune.fanout')
    assert.deepEqual(
      schedules.map((schedule) => schedule.cron),
      [pruneSchedule.task.cron]
    )
    // Three schedulers fire for the same slot at once: the cron's trigger job twice, as pg-boss
    // sends it (run by the worker), and a direct fan-out.
    const [first, second] = await Promise.all([
      boss.send('maintenance.prune.fanout', { slot }),
      boss.send('maintenance.prune.fanout', { slot }),
      fanOut('maintenance.prune', slot),
    ])
    // Both triggers ran to the end in the worker (each fanned out in full).
    const triggers = await eventually(
      () =>
        Promise.all([first!, second!].map((id) => boss.getJobById('maintenance.prune.fanout', id))),
      (jobs) => jobs.every((job) => job?.state === 'completed')
    )
    assert.deepEqual(
      triggers.map((job) => job?.state),
      ['completed', 'completed']
    )
    const registry = await app.container.make('tenancy.registry')
    const active = (await registry.all()).filter((tenant) => tenant.status === 'active')
    const runs = async () => {
      let total = 0
      for (const tenant of active) {
        const [row] = await runInTenant(db, tenant.id, () =>
          db
            .from('audit_log')
            .where('action', 'maintenance.pruned')
            .whereRaw(`after->>'slot' = ?`, [slot])
            .count('* as total')
        )
        total += Number(row.total)
      }
      return total
    }
    await eventually(runs, (total) => total >= active.length)
    // Long enough for the duplicates to have run, had they not been claimed away.
    await new Promise((resolve) => setTimeout(resolve, 1500))
    assert.equal(await runs(), active.length)
    for (const tenant of active) {
      const claims = await runInTenant(db, tenant.id, () =>
        db.from('scheduled_runs').where({ task: 'maintenance.prune', slot })
      )
      assert.lengthOf(claims, 1, `tenant ${tenant.slug}`)
    }
    const left = await inTenant('fuel', () => db.from('user_sessions').where('id', `old-${slot}`))
    assert.lengthOf(left, 0)
  }).timeout(60_000)
})

test.group('Idempotent effects', () => {
  test('the same job run twice, one after the other and at once, sends its mail once (J1)', async ({
    assert,
  }) => {
    const sequential = marker('twice')
    const concurrent = marker('together')
    const to = `${sequential}@probe.test`
    const toBoth = `${concurrent}@probe.test`
    // One after the other.
    await inTenant('fuel', () => enqueue(probeJob, { marker: sequential, mailTo: to }))
    await eventually(
      () => probes('fuel', sequential),
      (rows) => rows.length >= 1
    )
    await inTenant('fuel', () => enqueue(probeJob, { marker: sequential, mailTo: to }))
    await eventually(
      () => probes('fuel', sequential),
      (rows) => rows.length >= 2
    )
    // At once: two copies in one batch.
    await inTenant('fuel', () =>
      enqueueMany(probeJob, [
        { marker: concurrent, mailTo: toBoth },
        { marker: concurrent, mailTo: toBoth },
      ])
    )
    await eventually(
      () => probes('fuel', concurrent),
      (rows) => rows.length >= 2
    )
    await smtpCapture.waitFor(to)
    await smtpCapture.waitFor(toBoth)
    // Time for a second copy to arrive, had one been sent.
    await new Promise((resolve) => setTimeout(resolve, 1000))
    assert.lengthOf(smtpCapture.to(to), 1)
    assert.lengthOf(smtpCapture.to(toBoth), 1)
  }).timeout(60_000)
})
