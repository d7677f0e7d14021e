/*
 * Uploads never reach the disk unasked (issue #11 §1): only routes that declare an upload take
 * a multipart body, after the tenant, session, CSRF and permission are checked, and they read
 * it in memory within a cap. The temp directory is watched for the body parser's files.
 */
import { test } from '@japa/runner'
import { readdirSync } from 'node:fs'
import net from 'node:net'
import { tmpdir } from 'node:os'
import db from '@adonisjs/lucid/services/db'
import { hostOf, multipart, request, TEST_PORT, Visitor } from '#tests/support/http'

/** The body parser names its temp files with a bare UUID. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const tempFiles = () => new Set(readdirSync(tmpdir()).filter((name) => UUID.test(name)))
const newSince = (before: Set<string>) => [...tempFiles()].filter((name) => !before.has(name))

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64'
)

async function owner() {
  const visitor = new Visitor(`localhost:${TEST_PORT}`)
  await visitor.signIn('owner@platform.test')
  return visitor
}

test.group('Uploads (issue #11 §1)', () => {
  test('200 anonymous multipart POSTs to routes that take no files are refused and leave no file', async ({
    assert,
  }) => {
    const before = tempFiles()
    const routes = ['/login', '/register', '/forgot-password', '/locale', '/logout']
    const statuses = new Map<number, number>()
    for (let round = 0; round < 40; round++) {
      await Promise.all(
        routes.map(async (path, index) => {
          // Every tenth request carries a 4 MB part, the rest small ones.
          const size = (round + index) % 10 === 0 ? 4 * 1024 * 1024 : 2048
          const body = multipart('file', 'x.bin', Buffer.alloc(size, 7))
          const response = await request({
            method: 'POST',
            path,
            host: hostOf(round % 2 ? 'fuel' : 'pos'),
            headers: { 'content-type': body.contentType },
            body: body.body,
          }).catch(() => null)
          const status = response?.status ?? 0
          statuses.set(status, (statuses.get(status) ?? 0) + 1)
        })
      )
    }
    assert.deepEqual([...statuses.keys()], [415])
    assert.equal(statuses.get(415), 200)
    assert.deepEqual(newSince(before), [])
  }).timeout(120_000)

  test('a signed-in multipart POST with a valid CSRF token to a route without uploads is refused', async ({
    assert,
  }) => {
    const before = tempFiles()
    const visitor = await owner()
    const response = await visitor.send(
      'PUT',
      '/account/notifications',
      multipart('file', 'x.bin', Buffer.alloc(1024))
    )
    assert.equal(response.status, 415)
    assert.equal(response.json<any>().message, 'This address does not accept files.')
    assert.deepEqual(newSince(before), [])
  })

  test('an upload refused by validation, a successful one, one too large and one aborted mid-body leave no file', async ({
    assert,
  }) => {
    const visitor = await owner()
    const fuel = await db.from('tenants').where('slug', 'fuel').firstOrFail()
    const path = `/console/tenants/${fuel.id}/assets/favicon`
    const before = tempFiles()

    const refused = await visitor.send('POST', path, multipart('file', 'a.png', Buffer.from('no')))
    assert.equal(refused.status, 422)
    const accepted = await visitor.send('POST', path, multipart('file', 'a.png', PNG))
    assert.equal(accepted.status, 200, accepted.body)
    const tooLarge = await visitor.send(
      'POST',
      path,
      multipart('file', 'a.png', Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]))
    )
    assert.equal(tooLarge.status, 413)
    assert.equal(tooLarge.json<any>().message, 'The upload is too large.')

    // Half a body, then the client goes away.
    const body = multipart('file', 'a.png', Buffer.concat([PNG, Buffer.alloc(600 * 1024)]))
    const xsrf = decodeURIComponent(visitor.cookies.get('XSRF-TOKEN')!)
    await new Promise<void>((resolve) => {
      const socket = net.connect(TEST_PORT, '127.0.0.1', () => {
        socket.write(
          `POST ${path} HTTP/1.1\r\nHost: localhost:${TEST_PORT}\r\n` +
            `Cookie: ${visitor.cookieHeader}\r\nX-XSRF-TOKEN: ${xsrf}\r\nAccept: application/json\r\n` +
            `Content-Type: ${body.contentType}\r\nContent-Length: ${body.body.length}\r\n\r\n`
        )
        socket.write(body.body.subarray(0, 300 * 1024), () => {
          setTimeout(() => {
            socket.destroy()
            resolve()
          }, 200)
        })
      })
      socket.on('error', () => resolve())
    })
    // The server has noticed by the time it answers the next request.
    await new Promise((resolve) => setTimeout(resolve, 300))
    assert.equal((await visitor.get('/console', { accept: 'application/json' })).status, 200)
    assert.deepEqual(newSince(before), [])
    // The successful upload is the favicon now.
    const brand = (await request({ path: '/api/v1/brand', host: hostOf('fuel') })).json<any>()
    assert.isString(brand.faviconUrl)
  }).timeout(60_000)
})
