import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { clock } from '#app/core/clock'
import { BREAKER } from '#app/integrations/provider_client'
import { SANDBOX_CREDENTIALS } from '#app/integrations/sandbox/sandbox_server'
import { inTenant } from '#tests/support/people'
import { enqueue } from '#app/jobs/queue'
import { supplierCheckJob } from '#app/fuel/jobs/supplier_check_job'
import { newBusiness } from '#tests/support/businesses'
import { testSandbox } from '#tests/support/sandbox'

/* The provider client (issue #4 §6; SECURITY J6, J7): retries, breaker, deadlines, call log. */
async function connected(baseUrl = testSandbox.current.baseUrls.psp) {
  const business = await newBusiness({ kind: 'pos_agent' })
  await business.admin.send('POST', '/account/confirm-password', { password: 'kabinet-demo' })
  const saved = await business.admin.send('PUT', '/cabinet/integrations/psp', {
    settings: { ...SANDBOX_CREDENTIALS.psp, baseUrl },
  })
  if (saved.status !== 200) throw new Error(saved.body)
  return business
}

/* The call log is written just after the request's transaction ends: wait for `count` rows. */
async function calls(slug: string, count: number) {
  for (let waited = 0; ; waited += 20) {
    const rows = await inTenant(slug, () => db.from('provider_calls').orderBy('id').select('*'))
    if (rows.length >= count || waited > 3000) return rows
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

test.group('Provider client', (group) => {
  group.each.teardown(() => {
    testSandbox.current.behaviour.psp = 'normal'
    clock.reset()
  })

  test('a failing provider: reads are retried twice, then the breaker opens after 5 failures and calls stop reaching it; 30 s later one trial call closes it', async ({
    assert,
  }) => {
    const business = await connected()
    const tryIt = () => business.admin.send('POST', '/cabinet/integrations/psp/test', {})
    const reached = () => testSandbox.current.requests.psp
    testSandbox.current.behaviour.psp = 'fail'
    const start = reached()

    await tryIt()
    assert.equal(reached() - start, 3) // one call, three attempts
    await tryIt()
    assert.equal(reached() - start, BREAKER.failures) // opened at the fifth failure
    const paused = await tryIt()
    assert.equal(reached() - start, BREAKER.failures) // no request while open
    assert.include(paused.json<{ message: string }>().message, 'متوقف')

    const log = await calls(business.slug, 7)
    assert.deepEqual(
      log.map((row) => [row.attempt, row.status, row.outcome]),
      [
        [1, 500, 'http_error'],
        [2, 500, 'http_error'],
        [3, 500, 'http_error'],
        [1, 500, 'http_error'],
        [2, 500, 'http_error'],
        [3, null, 'circuit_open'],
        [1, null, 'circuit_open'],
      ]
    )

    // Half-open after 30 s: one trial; the provider is well again, so it closes.
    testSandbox.current.behaviour.psp = 'normal'
    clock.travel(BREAKER.openMs + 1)
    const trial = await tryIt()
    assert.isTrue(trial.json<{ ok: boolean }>().ok, trial.body)
    assert.isTrue((await tryIt()).json<{ ok: boolean }>().ok)
  })

  test('a 4xx is not retried: the request is wrong, not the provider', async ({ assert }) => {
    const business = await connected()
    await business.admin.send('PUT', '/cabinet/integrations/psp', {
      settings: {
        ...SANDBOX_CREDENTIALS.psp,
        baseUrl: testSandbox.current.baseUrls.psp,
        password: 'wrong',
      },
    })
    const start = testSandbox.current.requests.psp
    await business.admin.send('POST', '/cabinet/integrations/psp/test', {})
    assert.equal(testSandbox.current.requests.psp - start, 1)
    assert.deepEqual(
      (await calls(business.slug, 1)).map((row) => [row.status, row.outcome]),
      [[401, 'http_error']]
    )
  })

  test('one business’s hung provider answers within the budget and does not hold up another’s', async ({
    assert,
  }) => {
    const hung = await connected(testSandbox.current.baseUrls.psp.replace(/\/psp$/, '/hang'))
    const healthy = await connected()
    const started = performance.now()
    const slow = hung.admin.send('POST', '/cabinet/integrations/psp/test', {})
    // While the first waits on its provider, the second is served at once.
    await new Promise((resolve) => setTimeout(resolve, 200))
    const quickStarted = performance.now()
    const quick = await healthy.admin.send('POST', '/cabinet/integrations/psp/test', {})
    const quickMs = performance.now() - quickStarted
    assert.isTrue(quick.json<{ ok: boolean }>().ok)
    assert.isBelow(quickMs, 2000)
    const answer = await slow
    const slowMs = performance.now() - started
    assert.isFalse(answer.json<{ ok: boolean }>().ok)
    assert.isBelow(slowMs, 6000)
    assert.include(
      (await calls(hung.slug, 3)).map((row) => row.outcome),
      'timeout'
    )
  }).timeout(20000)
})

test.group('Provider client inside jobs', (group) => {
  group.each.teardown(() => {
    testSandbox.current.behaviour.fuel_supplier = 'normal'
  })

  test('during an outage a job’s provider call is tried once per job attempt: the queue retries, the client does not (J7)', async ({
    assert,
  }) => {
    const business = await newBusiness({ kind: 'fuel_reseller' })
    await business.admin.send('POST', '/account/confirm-password', { password: 'kabinet-demo' })
    await business.admin.send('PUT', '/cabinet/integrations/fuel_supplier', {
      settings: {
        ...SANDBOX_CREDENTIALS.fuel_supplier,
        baseUrl: testSandbox.current.baseUrls.fuel_supplier,
      },
    })
    testSandbox.current.behaviour.fuel_supplier = 'fail'
    const before = testSandbox.current.requests.fuel_supplier
    const jobs = 2
    const attempts = 1 + supplierCheckJob.retryLimit!
    await inTenant(business.slug, async () => {
      for (let index = 0; index < jobs; index++) {
        await enqueue(supplierCheckJob, { marker: `outage-${index}` })
      }
    })
    const letters = async () =>
      inTenant(business.slug, () => db.from('job_failures').where('queue', supplierCheckJob.name))
    for (let waited = 0; (await letters()).length < jobs && waited < 30_000; waited += 200) {
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
    assert.lengthOf(await letters(), jobs)
    // Exactly one request per job attempt: no retry layer nested inside the queue's.
    assert.equal(testSandbox.current.requests.fuel_supplier - before, jobs * attempts)
    const log = await calls(business.slug, jobs * attempts)
    assert.isTrue(log.every((row) => row.attempt === 1 && row.operation === 'list_cards'))
  }).timeout(60_000)
})
