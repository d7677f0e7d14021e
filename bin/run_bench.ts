/*
 * `npm run bench`: throughput of Kabinet's hot paths against a baseline measured in the
 * same run on the same server, printed as ratios. The baseline is a plain JSON route with
 * the same middleware (tenant resolution, session, shield, auth) and no database work.
 *
 * The server is started as a child (`bin/start.js`, built assets, embedded PostgreSQL reused
 * or started) on BENCH_PORT (default 3391) with BENCH_ROUTES=true.
 * Options: BENCH_DURATION seconds per scenario (default 8), BENCH_CONNECTIONS (default 16).
 */
import { spawn } from 'node:child_process'
import http from 'node:http'
import autocannon from 'autocannon'

const port = Number(process.env.BENCH_PORT ?? 3391)
const duration = Number(process.env.BENCH_DURATION ?? 8)
const connections = Number(process.env.BENCH_CONNECTIONS ?? 16)
const password = process.env.DEMO_PASSWORD ?? 'kabinet-demo'

interface Scenario {
  name: string
  host: string
  path: string
  signIn?: string
  target?: number
}

const host = (slug: string) => `${slug}.localhost:${port}`
const SCENARIOS: Scenario[] = [
  { name: 'baseline: JSON route, same middleware', host: host('fuel'), path: '/_bench/baseline' },
  {
    name: 'brand API (registry, no query)',
    host: host('fuel'),
    path: '/api/v1/brand',
    target: 0.9,
  },
  { name: 'sign-in page (Inertia HTML)', host: host('pos'), path: '/login' },
  {
    name: 'staff cabinet home, signed in',
    host: host('fuel'),
    path: '/',
    signIn: 'admin@fuel.test',
  },
  {
    name: 'client portal home, signed in',
    host: host('repair'),
    path: '/',
    signIn: 'client@repair.test',
  },
  { name: 'unknown host (neutral 404)', host: `nobody.localhost:${port}`, path: '/' },
]

function raw(method: string, hostHeader: string, path: string, headers = {}, body?: string) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>(
    (resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port, method, path, headers: { host: hostHeader, ...headers } },
        (res) => {
          let text = ''
          res.on('data', (chunk) => (text += chunk))
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text })
          )
        }
      )
      req.on('error', reject)
      if (body) req.write(body)
      req.end()
    }
  )
}

const cookiesOf = (setCookie: string[] | undefined, jar: Map<string, string>) => {
  for (const line of setCookie ?? []) {
    const [pair] = line.split(';')
    const index = pair.indexOf('=')
    jar.set(pair.slice(0, index), pair.slice(index + 1))
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ')
}

/** Signs in like a browser and returns the session cookie header. */
async function signIn(hostHeader: string, email: string) {
  const jar = new Map<string, string>()
  const form = await raw('GET', hostHeader, '/login')
  let cookie = cookiesOf(form.headers['set-cookie'], jar)
  const xsrf = decodeURIComponent(jar.get('XSRF-TOKEN') ?? '')
  const body = new URLSearchParams({ email, password }).toString()
  const result = await raw(
    'POST',
    hostHeader,
    '/login',
    {
      'cookie': cookie,
      'x-xsrf-token': xsrf,
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': String(Buffer.byteLength(body)),
    },
    body
  )
  cookie = cookiesOf(result.headers['set-cookie'], jar)
  const home = await raw('GET', hostHeader, '/', { cookie })
  if (home.status !== 200) throw new Error(`sign-in as ${email} failed (${home.status})`)
  return cookie
}

async function waitForServer() {
  for (let attempt = 0; attempt < 600; attempt++) {
    try {
      const result = await raw('GET', `localhost:${port}`, '/health/ready')
      if (result.status === 200) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error('server did not become ready')
}

async function measure(scenario: Scenario, cookie?: string) {
  const headers: Record<string, string> = { host: scenario.host }
  if (cookie) headers.cookie = cookie
  const url = `http://127.0.0.1:${port}${scenario.path}`
  // Warm-up: caches, JIT, connection pool.
  await autocannon({ url, headers, connections, duration: 2 })
  const result = await autocannon({ url, headers, connections, duration })
  const bad = result.non2xx - (scenario.path === '/' && !cookie ? result.requests.total : 0)
  if (result.errors || (bad > 0 && !scenario.host.startsWith('nobody'))) {
    throw new Error(`${scenario.name}: ${result.errors} errors, ${result.non2xx} non-2xx`)
  }
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 }
}

const server = spawn(process.execPath, ['bin/start.js'], {
  env: {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    BENCH_ROUTES: 'true',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'development',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
})
const stopServer = () =>
  new Promise<void>((resolve) => {
    if (server.exitCode !== null) return resolve()
    server.once('exit', () => resolve())
    server.kill('SIGTERM')
  })

try {
  await waitForServer()
  console.log(
    `\nKabinet bench: ${connections} connections, ${duration}s per scenario, Node ${process.version}\n`
  )
  // The baseline runs first and again last; ratios use the mean, so warm-up and drift during
  // the run do not flatter or punish the scenarios in between.
  const results = []
  for (const scenario of [...SCENARIOS, SCENARIOS[0]]) {
    const cookie = scenario.signIn ? await signIn(scenario.host, scenario.signIn) : undefined
    results.push({ scenario, ...(await measure(scenario, cookie)) })
  }
  const baseline = (results[0].rps + results[results.length - 1].rps) / 2
  const rows: Array<Record<string, string | number>> = []
  let failed = false
  for (const { scenario, rps, p50, p99 } of results) {
    const ratio = rps / baseline
    const verdict = scenario.target ? (ratio >= scenario.target ? 'ok' : 'BELOW') : ''
    if (verdict === 'BELOW') failed = true
    rows.push({
      'scenario': scenario.name,
      'req/s': Math.round(rps),
      'p50 ms': p50,
      'p99 ms': p99,
      'vs baseline': ratio.toFixed(2),
      'target': scenario.target ? `>= ${scenario.target} ${verdict}` : '',
    })
  }
  console.table(rows)
  if (failed) process.exitCode = 1
} finally {
  await stopServer()
}
