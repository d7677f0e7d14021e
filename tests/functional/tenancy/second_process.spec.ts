import { test } from '@japa/runner'
import { spawn, type ChildProcess } from 'node:child_process'
import db from '@adonisjs/lucid/services/db'
import { freePort } from '../../../bin/postgres_cluster.ts'
import { hostOf, request, TEST_PORT, Visitor } from '#tests/support/http'
import { newUser } from '#tests/support/people'
import { newBusiness } from '#tests/support/businesses'
import { EventStream } from '#tests/support/event_stream'
import { runInTenant } from '#app/core/database/tenant_context'
import { notify } from '#app/notifications/notify'

/*
 * Two app processes share PostgreSQL and Redis: a change made through one (this suite's
 * server) is served by the other within a second, through the Redis invalidation bus.
 * Needs REDIS_URL; CI's external pass sets it (the embedded pass has no Redis by design).
 */
const redisUrl = process.env.REDIS_URL

async function waitReady(port: number) {
  for (let attempt = 0; attempt < 240; attempt++) {
    const ready = await request({ path: '/health/ready', host: `localhost:${port}`, port }).catch(
      () => null
    )
    if (ready?.status === 200) return
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error('second process did not become ready')
}

/** Polls `probe` until it holds; returns the milliseconds it took. */
async function within(ms: number, probe: () => Promise<boolean>) {
  const started = performance.now()
  while (performance.now() - started < ms) {
    if (await probe()) return performance.now() - started
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error(`not seen within ${ms} ms`)
}

test.group('Second app process', (group) => {
  let second: ChildProcess | undefined
  let port = 0

  /** The business admin's notification stream on the second process, with the same session (Redis). */
  const adminStreamOnSecond = (business: { admin: Visitor }) => {
    const onSecond = new Visitor(business.admin.host.replace(`:${TEST_PORT}`, `:${port}`), port)
    onSecond.cookies = new Map(business.admin.cookies)
    return EventStream.open(onSecond)
  }

  group.setup(async () => {
    if (!redisUrl) return async () => {}
    port = await freePort()
    second = spawn(process.execPath, ['--import', '@poppinss/ts-exec', 'bin/server.ts'], {
      env: {
        ...process.env,
        // Test mode: the test-only route of the tickets module exists there too (module gate).
        NODE_ENV: 'test',
        PORT: String(port),
        HOST: '127.0.0.1',
        AUTO_MIGRATE: 'false',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    })
    await waitReady(port)
    return () =>
      new Promise<void>((resolve) => {
        if (!second || second.exitCode !== null) return resolve()
        second.once('exit', () => resolve())
        second.kill('SIGTERM')
      })
  })

  test('a brand, menu and module change and a disable made through one process are served by the other within 1 s', async () => {
    const owner = new Visitor(`localhost:${TEST_PORT}`)
    await owner.signIn('owner@platform.test')
    const slug = `p${Date.now().toString(36)}`
    const fuel = await db.from('tenants').where('slug', 'fuel').firstOrFail()
    const created = await owner.send('POST', '/console/tenants', {
      parentId: fuel.id,
      kind: 'fuel_reseller',
      slug,
      name: 'Second process',
    })
    const id = created.json<{ id: number }>().id
    const onSecond = (path: string) => request({ path, host: `${slug}.localhost:${port}`, port })

    // The new tenant is served by the other process too.
    await within(1000, async () => (await onSecond('/api/v1/brand')).status === 200)

    await owner.send('PUT', `/console/tenants/${id}/brand`, { primaryColor: '#0b5394' })
    const brandMs = await within(
      1000,
      async () => (await onSecond('/api/v1/brand')).json<any>().primaryColor === '#0b5394'
    )

    // A menu saved through this process is the menu the other one renders.
    const admin = await newUser(slug, 'staff', { roles: ['admin'] })
    const here = new Visitor(hostOf(slug))
    await here.signIn(admin.email)
    const there = new Visitor(`${slug}.localhost:${port}`, port)
    await there.signIn(admin.email)
    // The page's props as Inertia asks for them (the other process has no built assets to
    // render the HTML shell with).
    const labels = async () => {
      // Version 1: the assets version a process without a Vite manifest announces.
      const response = await there.get('/', { 'x-inertia': 'true', 'x-inertia-version': '1' })
      if (response.status !== 200) throw new Error(`${response.status} ${response.body}`)
      return response
        .json<{ props: { menu: { items: Array<{ label: string }> } } }>()
        .props.menu.items.map((entry) => entry.label)
    }
    const saved = await here.send('PUT', '/cabinet/menus/staff', {
      items: [
        {
          id: 'home',
          kind: 'page',
          label: { ru: 'Из другого процесса' },
          icon: null,
          route: 'home',
        },
      ],
    })
    if (saved.status !== 200) throw new Error(saved.body)
    const menuMs = await within(1000, async () => (await labels()).includes('Из другого процесса'))

    // A module switched off through this process: its route is gone from the other one.
    if ((await there.get('/_test/tickets')).status !== 200) throw new Error('tickets probe')
    await owner.send('PUT', `/console/tenants/${id}/modules`, { module: 'tickets', enabled: false })
    const moduleMs = await within(
      1000,
      async () => (await there.get('/_test/tickets')).status === 404
    )

    await owner.send('PUT', `/console/tenants/${id}/status`, { status: 'disabled' })
    const disableMs = await within(
      1000,
      async () => (await onSecond('/api/v1/brand')).status === 404
    )
    // `within` is the requirement itself (served within 1 s) and fails the test past it.
    console.log(
      `    second process saw the brand after ${Math.round(brandMs)} ms, the menu after ${Math.round(menuMs)} ms, the module after ${Math.round(moduleMs)} ms, the disable after ${Math.round(disableMs)} ms`
    )
  })
    .skip(!redisUrl, 'REDIS_URL is not set: runs in the external pass of .ci/run')
    .timeout(90000)

  test('a notification fired in one process reaches a stream held open on the other (Redis bus)', async ({
    assert,
  }) => {
    const business = await newBusiness()
    const stream = await adminStreamOnSecond(business)
    try {
      assert.equal(stream.status, 200)
      await runInTenant(db, business.id, () =>
        notify('jobs.dead_letter', { params: { queue: 'bus', attempts: 1, error: 'x' } })
      )
      const frame = await stream.next((f) => f.payload?.event === 'arrived', 1000)
      assert.isNotNull(frame, 'not heard on the second process within 1 s')
    } finally {
      stream.close()
    }
  })
    .skip(!redisUrl, 'REDIS_URL is not set: runs in the external pass of .ci/run')
    .timeout(30_000)

  // Last in the group: it stops the second process.
  test('a stopping process ends its open notification streams and exits, not held open by them', async ({
    assert,
  }) => {
    const business = await newBusiness()
    const stream = await adminStreamOnSecond(business)
    assert.equal(stream.status, 200)
    const exited = new Promise<boolean>((resolve) => second!.once('exit', () => resolve(true)))
    second!.kill('SIGTERM')
    const stopped = await Promise.race([
      exited,
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 20_000)),
    ])
    assert.isTrue(stopped, 'the second process was still running 20 s after SIGTERM')
    assert.isTrue(stream.ended)
    stream.close()
  })
    .skip(!redisUrl, 'REDIS_URL is not set: runs in the external pass of .ci/run')
    .timeout(40_000)
})
