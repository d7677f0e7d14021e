/*
 * PostgreSQL and Redis faults, for real (issue #11 §3): a second app process talks to both
 * through a loopback proxy the test cuts or freezes. Nothing may hang: readiness says 503 within
 * 2 s, a page 503 within 5 s (1 s when Redis is what fails), the routes that need no session keep
 * answering, the process stays up, and service returns by itself once the store is back.
 * The Redis half needs REDIS_URL (CI's external pass); the PostgreSQL half always runs.
 *
 * It lives in resilience/, after jobs/: a second server process started earlier in the same run
 * (even without any fault) leaves the crash-recovery test's expired job unsupervised for about a
 * minute. Not understood yet; see the issue #11 note.
 */
import { test } from '@japa/runner'
import { spawn, type ChildProcess } from 'node:child_process'
import { freePort } from '../../../bin/postgres_cluster.ts'
import { FaultProxy } from '#tests/support/fault_proxy'
import { request, Visitor } from '#tests/support/http'
import { newUser } from '#tests/support/people'

const redisUrl = process.env.REDIS_URL
/*
 * The second process has no front-end build: it answers page visits the way Inertia's client
 * asks for them after the first load (the page as JSON), through the same middleware and handler.
 * The asset version is read from its first answer (a 409 carries the page and its version).
 */
const INERTIA: Record<string, string> = { 'x-inertia': 'true' }

/** The measured times, printed at the end for the note. */
const measured: string[] = []

async function timed<T>(work: () => Promise<T>) {
  const started = performance.now()
  const result = await work()
  return { result, ms: Math.round(performance.now() - started) }
}

/** Polls `probe` until it holds; the milliseconds it took. */
async function recoversWithin(ms: number, probe: () => Promise<boolean>) {
  const started = performance.now()
  while (performance.now() - started < ms) {
    if (await probe().catch(() => false)) return Math.round(performance.now() - started)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`did not recover within ${ms} ms`)
}

function through(url: string, proxy: FaultProxy) {
  const parsed = new URL(url)
  parsed.hostname = '127.0.0.1'
  parsed.port = String(proxy.port)
  return parsed.toString()
}

interface SecondProcess {
  child: ChildProcess
  port: number
  host: (slug: string) => string
  exited: () => boolean
}

async function startSecondProcess(env: Record<string, string | undefined>): Promise<SecondProcess> {
  const port = await freePort()
  const child = spawn(process.execPath, ['--import', '@poppinss/ts-exec', 'bin/server.ts'], {
    env: {
      ...process.env,
      ...env,
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      AUTO_MIGRATE: 'false',
      // Its job worker is not what is tested here.
      JOBS_IN_PROCESS: 'false',
      LOG_LEVEL: process.env.FAULTS_LOG_LEVEL ?? 'fatal',
      LOG_FILE: '',
      DEBUG: process.env.FAULTS_DEBUG,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  let exited = false
  child.once('exit', () => (exited = true))
  for (let attempt = 0; attempt < 240; attempt++) {
    const ready = await request({ path: '/health/ready', host: `localhost:${port}`, port }).catch(
      () => null
    )
    if (ready?.status === 200) break
    if (attempt === 239) throw new Error('second process did not become ready')
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  return { child, port, host: (slug) => `${slug}.localhost:${port}`, exited: () => exited }
}

function stop(second: SecondProcess | undefined) {
  return new Promise<void>((resolve) => {
    if (!second || second.exited()) return resolve()
    second.child.once('exit', () => resolve())
    second.child.kill('SIGTERM')
  })
}

/** The answers that must not depend on the failing store: stateless routes and the neutral 404. */
async function sessionlessRoutes(second: SecondProcess) {
  const get = (path: string, host: string) => request({ path, host, port: second.port })
  return {
    live: (await get('/health/live', `localhost:${second.port}`)).status,
    brand: (await get('/api/v1/brand', second.host('fuel'))).status,
    neutral: (await get('/login', `nobody.example.test:${second.port}`)).status,
    tlsAsk: (await get(`/_tls/ask?domain=fuel.localhost`, '')).status,
  }
}

async function signedInStaff(second: SecondProcess) {
  const person = await newUser('fuel', 'staff', { roles: ['admin'] })
  const visitor = new Visitor(second.host('fuel'), second.port)
  const answer = await visitor.signIn(person.email)
  if (answer.status >= 400) throw new Error(`sign-in on the second process: ${answer.status}`)
  if (!INERTIA['x-inertia-version']) {
    const probe = await visitor.get('/', INERTIA)
    INERTIA['x-inertia-version'] = String(JSON.parse(probe.body).version)
  }
  return visitor
}

test.group('Faults: PostgreSQL behind a proxy (issue #11 §3)', (group) => {
  let proxy: FaultProxy
  let second: SecondProcess | undefined

  group.setup(async () => {
    const target = new URL(process.env.DATABASE_URL!)
    proxy = await new FaultProxy(target.hostname, Number(target.port)).start()
    second = await startSecondProcess({
      DATABASE_URL: through(process.env.DATABASE_URL!, proxy),
      // The second process keeps sessions in cookies when there is no Redis, in Redis otherwise.
      REDIS_URL: redisUrl,
    })
    return async () => {
      await stop(second)
      await proxy.stop()
    }
  })
  group.each.teardown(() => proxy.restore())

  for (const fault of ['frozen', 'cut'] as const) {
    test(`PostgreSQL ${fault}: readiness 503 within 2 s, a page 503 within 5 s, then recovery by itself`, async ({
      assert,
    }) => {
      const visitor = await signedInStaff(second!)
      assert.equal((await visitor.get('/', INERTIA)).status, 200)

      fault === 'frozen' ? proxy.freeze() : proxy.cut()
      const ready = await timed(() =>
        request({ path: '/health/ready', host: `localhost:${second!.port}`, port: second!.port })
      )
      assert.equal(ready.result.status, 503)
      assert.deepInclude(JSON.parse(ready.result.body).checks, { database: 'failing' })
      assert.isBelow(ready.ms, 2000)

      const page = await timed(() => visitor.get('/', INERTIA))
      assert.equal(page.result.status, 503)
      assert.include(page.result.body, 'Временно недоступно')
      assert.isBelow(page.ms, 5000)
      assert.equal(page.result.headers['retry-after'], '5')

      const stateless = await timed(() => sessionlessRoutes(second!))
      assert.deepEqual(stateless.result, { live: 200, brand: 200, neutral: 404, tlsAsk: 200 })

      proxy.restore()
      const recovered = await recoversWithin(10_000, async () => {
        const again = await visitor.get('/', INERTIA)
        return again.status === 200
      })
      assert.isFalse(second!.exited())
      measured.push(
        `PostgreSQL ${fault}: ready 503 in ${ready.ms} ms, page 503 in ${page.ms} ms, ` +
          `sessionless routes answered in ${stateless.ms} ms, page 200 again ${recovered} ms after restore`
      )
    }).timeout(60_000)
  }
})

test.group('Faults: Redis behind a proxy (issue #11 §3)', (group) => {
  let proxy: FaultProxy
  let second: SecondProcess | undefined

  group.setup(async () => {
    if (!redisUrl) return async () => {}
    const target = new URL(redisUrl)
    proxy = await new FaultProxy(target.hostname, Number(target.port || 6379)).start()
    second = await startSecondProcess({ REDIS_URL: through(redisUrl, proxy) })
    return async () => {
      await stop(second)
      await proxy.stop()
    }
  })
  group.each.teardown(() => proxy?.restore())
  group.teardown(() => {
    if (measured.length) console.log(`\n  Measured faults:\n  - ${measured.join('\n  - ')}\n`)
  })

  for (const fault of ['frozen', 'cut'] as const) {
    test(`Redis ${fault}: pages that need it 503 within 1 s, sessionless routes answer, recovery within 5 s`, async ({
      assert,
    }) => {
      const visitor = await signedInStaff(second!)
      assert.equal((await visitor.get('/', INERTIA)).status, 200)
      // A visitor at the sign-in form (its session and XSRF cookie were set before the fault).
      const anonymous = new Visitor(second!.host('fuel'), second!.port)
      assert.equal((await anonymous.get('/login', INERTIA)).status, 200)

      fault === 'frozen' ? proxy.freeze() : proxy.cut()
      const page = await timed(() => visitor.get('/', INERTIA))
      assert.equal(page.result.status, 503)
      assert.include(page.result.body, 'Временно недоступно')
      assert.isBelow(page.ms, 1000)
      // Signing in needs the throttle counters: refused, never let through unthrottled.
      const signIn = await timed(() =>
        anonymous.send('POST', '/login', { email: 'admin@fuel.test', password: 'kabinet-demo' })
      )
      assert.equal(signIn.result.status, 503)
      assert.isBelow(signIn.ms, 1000)

      const stateless = await timed(() => sessionlessRoutes(second!))
      assert.deepEqual(stateless.result, { live: 200, brand: 200, neutral: 404, tlsAsk: 200 })
      const ready = await timed(() =>
        request({ path: '/health/ready', host: `localhost:${second!.port}`, port: second!.port })
      )
      assert.equal(ready.result.status, 503)
      assert.isBelow(ready.ms, 2000)

      proxy.restore()
      const recovered = await recoversWithin(5000, async () => {
        const again = await visitor.get('/', INERTIA)
        return again.status === 200
      })
      assert.isFalse(second!.exited())
      measured.push(
        `Redis ${fault}: page 503 in ${page.ms} ms, sign-in 503 in ${signIn.ms} ms, ` +
          `ready 503 in ${ready.ms} ms, sessionless routes in ${stateless.ms} ms, ` +
          `page 200 again ${recovered} ms after restore`
      )
    })
      .timeout(60_000)
      .skip(!redisUrl, 'needs REDIS_URL (CI external pass)')
  }
})
