/*
 * What no handler has to think about (issue #11 §5): control characters, unreadable text, deep
 * bodies and out-of-range ids are refused once, before any handler, with translated errors; a
 * malformed XSRF header is treated as none. Each refusal changes nothing.
 */
import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { hostOf, request, Visitor } from '#tests/support/http'
import { inTenant, newUser } from '#tests/support/people'

async function fuelAdmin() {
  const admin = await newUser('fuel', 'staff', { roles: ['admin'] })
  const visitor = new Visitor(hostOf('fuel'))
  await visitor.signIn(admin.email)
  return visitor
}

const clientCount = () =>
  inTenant('fuel', async () => Number((await db.from('clients').count('* as n'))[0].n))

test.group('Input hygiene (issue #11 §5)', () => {
  test('a NUL byte in the sign-in e-mail is a translated 422 in the visitor language, not a 500', async ({
    assert,
  }) => {
    const visitor = new Visitor(hostOf('fuel'))
    await visitor.get('/login')
    const answer = await visitor.send(
      'POST',
      '/login',
      { email: 'client@fuel.test\u0000', password: 'kabinet-demo' },
      { json: true }
    )
    assert.equal(answer.status, 422)
    const [error] = JSON.parse(answer.body).errors
    assert.equal(error.field, 'email')
    assert.match(error.message, /управляющие символы|control characters/)
  })

  test('text that arrived as invalid UTF-8 is refused, in a form and in JSON, and nothing is stored', async ({
    assert,
  }) => {
    const visitor = await fuelAdmin()
    const before = await clientCount()
    const xsrf = decodeURIComponent(visitor.cookies.get('XSRF-TOKEN') ?? '')
    for (const [contentType, body] of [
      [
        'application/x-www-form-urlencoded',
        Buffer.concat([
          Buffer.from('name=Ok'),
          Buffer.from([0xff, 0xc3]),
          Buffer.from('&inn=7707083893'),
        ]),
      ],
      [
        'application/json',
        Buffer.concat([
          Buffer.from('{"name":"Ok'),
          Buffer.from([0xff, 0xfe]),
          Buffer.from('","inn":"7707083893"}'),
        ]),
      ],
    ] as const) {
      const answer = await request({
        method: 'POST',
        path: '/cabinet/clients',
        host: visitor.host,
        headers: {
          'cookie': visitor.cookieHeader,
          'x-xsrf-token': xsrf,
          'accept': 'application/json',
          'content-type': contentType,
        },
        body,
      })
      assert.equal(answer.status, 422, contentType)
      const [error] = JSON.parse(answer.body).errors
      assert.equal(error.field, 'name')
      assert.match(error.message, /UTF-8/)
    }
    assert.equal(await clientCount(), before)
  })

  test('a body nested deeper than any form is refused; an id beyond bigint is a 404', async ({
    assert,
  }) => {
    const visitor = await fuelAdmin()
    let deep: unknown = 'x'
    for (let level = 0; level < 40; level++) deep = { a: deep }
    const nested = await visitor.send('POST', '/cabinet/clients', { name: deep })
    assert.equal(nested.status, 422)
    assert.match(JSON.parse(nested.body).errors[0].message, /./)
    for (const id of ['99999999999999999999', '9223372036854775808', '-1', '1e308', '%00']) {
      const answer = await visitor.get(`/cabinet/clients/${id}`)
      assert.equal(answer.status, 404, id)
    }
  })

  test('a malformed X-XSRF-TOKEN on an anonymous POST is treated as no token (419), never a 500', async ({
    assert,
  }) => {
    const visitor = new Visitor(hostOf('fuel'))
    await visitor.get('/login')
    const answer = await request({
      method: 'POST',
      path: '/login',
      host: visitor.host,
      headers: {
        'cookie': visitor.cookieHeader,
        'x-xsrf-token': '%ff',
        'accept': 'application/json',
      },
      body: { email: 'client@fuel.test', password: 'kabinet-demo' },
    })
    assert.isBelow(answer.status, 500)
    assert.notEqual(answer.status, 200)
  })
})
