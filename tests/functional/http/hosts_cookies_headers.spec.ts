import { test } from '@japa/runner'
import router from '@adonisjs/core/services/router'
import { hostOf, request, TEST_PORT, Visitor } from '#tests/support/http'

const TENANT_NAMES = [
  'ТопливоКарт',
  'РейлЛогистик',
  'پرداخت نوین',
  'FixPoint',
  'Kabinet',
  'fuel',
  'repair',
]

function randomLabel(length: number) {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789-'
  let label = ''
  for (let index = 0; index < length; index++) {
    label += alphabet[Math.floor(Math.random() * alphabet.length)]
  }
  return label.replace(/^-|-$/g, 'x')
}

/** SECURITY.md H1: hosts that serve no tenant, of every awkward shape. */
function strangeHosts(): string[] {
  const hosts: string[] = [
    '',
    '127.0.0.1',
    `127.0.0.1:${TEST_PORT}`,
    '[::1]',
    `[::1]:${TEST_PORT}`,
    '0.0.0.0',
    'localhost.evil.test',
    'fuel.localhost.evil.test',
    'evil.test',
    'xn--fel-5qa.localhost', // IDN look-alike of "fuel"
    'xn--80ak6aa92e.localhost',
    'fuel..localhost',
    '.localhost',
    'fuel.localhost:notaport',
    'fuel.localhost:99999999',
    'fu el.localhost',
    'fuel.localhost\u0000',
    'a'.repeat(300),
    'FUEL.LOCALHOST.EVIL',
  ]
  while (hosts.length < 1000) {
    const labels = Array.from({ length: 1 + Math.floor(Math.random() * 3) }, () =>
      randomLabel(1 + Math.floor(Math.random() * 12))
    )
    hosts.push(`${labels.join('.')}.${Math.random() < 0.5 ? 'localhost' : 'test'}`)
  }
  return hosts
}

test.group('Hosts (H1)', () => {
  test('1,000 unknown, malformed and look-alike hosts get the neutral 404 naming nobody', async ({
    assert,
  }) => {
    const failures: string[] = []
    const hosts = strangeHosts()
    for (let start = 0; start < hosts.length; start += 25) {
      await Promise.all(
        hosts.slice(start, start + 25).map(async (host) => {
          const response = await request({ path: '/login', host }).catch(() => null)
          if (!response) return // the HTTP parser refused the header itself: nothing served
          if (response.status !== 404 && response.status !== 400) {
            failures.push(`${JSON.stringify(host)} -> ${response.status}`)
          }
          for (const name of TENANT_NAMES) {
            if (response.body.includes(name)) failures.push(`${JSON.stringify(host)} names ${name}`)
          }
        })
      )
    }
    assert.deepEqual(failures, [])
  }).timeout(120000)

  test('a real tenant host resolves the same in any case, with a port or a trailing dot', async ({
    assert,
  }) => {
    for (const host of ['FUEL.localhost', 'fuel.LOCALHOST.', `Fuel.Localhost.:${TEST_PORT}`]) {
      const response = await request({ path: '/api/v1/brand', host })
      assert.equal(response.status, 200, host)
      assert.equal(response.json<{ name: string }>().name, 'ТопливоКарт')
    }
  })
})

test.group('Cookies, CSRF, redirects, headers (H6, H7, H9, H10)', () => {
  test('no cookie ever carries a Domain attribute; the session cookie is HttpOnly and Lax', async ({
    assert,
  }) => {
    const seen: string[] = []
    // Each switches to its tenant's own default language: the choice is saved on the user.
    const defaults = { fuel: 'ru', pos: 'fa', repair: 'en' }
    for (const [slug, locale] of Object.entries(defaults)) {
      const visitor = new Visitor(hostOf(slug))
      seen.push(...(await visitor.get('/login')).setCookies)
      seen.push(...(await visitor.signIn(`admin@${slug}.test`)).setCookies)
      seen.push(...(await visitor.post('/locale', { locale })).setCookies)
      seen.push(...(await visitor.post('/logout', {})).setCookies)
    }
    assert.isAbove(seen.length, 0)
    for (const line of seen) assert.notMatch(line, /;\s*domain=/i, line)
    const sessions = seen.filter((line) => line.startsWith('kabinet-session='))
    assert.isNotEmpty(sessions)
    for (const line of sessions) {
      assert.match(line, /HttpOnly/i)
      assert.match(line, /SameSite=Lax/i)
      assert.match(line, /Path=\//i)
    }
  })

  test('every state-changing route refuses a request without a CSRF token, or with a token from another tenant', async ({
    assert,
  }) => {
    const routes = Object.values(router.toJSON())
      .flat()
      .filter((route) => route.methods.some((method) => method !== 'GET' && method !== 'HEAD'))
    assert.isAbove(routes.length, 10)

    const fuel = new Visitor(hostOf('fuel'))
    await fuel.signIn('admin@fuel.test')
    const platform = new Visitor(`localhost:${TEST_PORT}`)
    await platform.signIn('owner@platform.test')
    const foreignToken = decodeURIComponent(fuel.cookies.get('XSRF-TOKEN')!)

    for (const route of routes) {
      const method = route.methods.find((candidate) => candidate !== 'HEAD')!
      const path = route.pattern.replace(/:(\w+)/g, (_, name: string) =>
        name === 'asset'
          ? 'favicon'
          : name === 'audience'
            ? 'staff'
            : name === 'provider'
              ? 'smtp'
              : '1'
      )
      for (const token of [undefined, foreignToken]) {
        // JSON, so Shield answers 403 instead of redirecting a browser back to the form.
        const headers: Record<string, string> = {
          cookie: platform.cookieHeader,
          accept: 'application/json',
        }
        if (token) headers['x-xsrf-token'] = token
        const response = await request({
          method,
          path,
          host: `localhost:${TEST_PORT}`,
          headers,
          body: {},
          json: true,
        })
        assert.oneOf(
          response.status,
          [403],
          `${method} ${path} with ${token ? 'foreign' : 'no'} token`
        )
      }
    }
  }).timeout(60000)

  test('redirects back never leave the host, whatever the Referer says', async ({ assert }) => {
    for (const referer of [
      'https://evil.test/phish',
      `http://rail.localhost:${TEST_PORT}/`,
      '//evil.test',
      'javascript:alert(1)',
    ]) {
      const visitor = new Visitor(hostOf('fuel'))
      const response = await visitor.post('/locale', { locale: 'ru' }, { referer })
      const location = response.headers.location ?? ''
      assert.equal(response.status, 302)
      assert.isTrue(
        location.startsWith('/') && !location.startsWith('//'),
        `${referer} -> ${location}`
      )
    }
  })

  test('pages, JSON and assets carry the security headers', async ({ assert }) => {
    const brand = (await request({ path: '/api/v1/brand', host: hostOf('fuel') })).json<{
      logoLightUrl: string
    }>()
    for (const path of ['/login', '/api/v1/brand', brand.logoLightUrl]) {
      const response = await request({ path, host: hostOf('fuel') })
      assert.equal(response.status, 200, path)
      assert.equal(response.headers['x-content-type-options'], 'nosniff', path)
      assert.equal(response.headers['referrer-policy'], 'strict-origin-when-cross-origin', path)
      assert.match(
        String(response.headers['content-security-policy']),
        /default-src 'none'|frame-ancestors 'none'/,
        path
      )
    }
    const page = await request({ path: '/login', host: hostOf('fuel') })
    assert.equal(page.headers['x-frame-options'], 'DENY')
    assert.include(String(page.headers['content-security-policy']), "script-src 'self'")
  })
})

test.group('Public answers and error pages (issue #11 §7)', () => {
  test('cacheable public answers set no cookie, even for a visitor who has a session', async ({
    assert,
  }) => {
    const visitor = new Visitor(hostOf('fuel'))
    await visitor.signIn('client@fuel.test')
    assert.isTrue(visitor.cookies.size > 0)
    const brand = (await request({ path: '/api/v1/brand', host: hostOf('fuel') })).json<{
      logoLightUrl: string
      faviconUrl: string
    }>()
    for (const path of ['/api/v1/brand', brand.logoLightUrl, brand.faviconUrl]) {
      for (const headers of [{}, { cookie: visitor.cookieHeader }] as Record<string, string>[]) {
        const response = await request({ path, host: hostOf('fuel'), headers })
        assert.equal(response.status, 200, path)
        assert.deepEqual(response.setCookies, [], path)
        assert.match(String(response.headers['cache-control']), /^public, max-age=\d+/, path)
        // Nothing in the answer depends on the cookie, so no cache needs to key on it.
        assert.notMatch(String(response.headers.vary ?? ''), /cookie/i, path)
      }
    }
    // Pages still get their session and CSRF cookies.
    const login = await request({ path: '/login', host: hostOf('fuel') })
    assert.isTrue(login.setCookies.some((line) => line.startsWith('XSRF-TOKEN=')))
  })

  test('the neutral 404 and error pages carry the same security headers as pages', async ({
    assert,
  }) => {
    const answers = [
      await request({ path: '/login', host: 'nobody.example.test' }),
      await request({ path: '/no-such-page', host: hostOf('fuel') }),
      await request({
        path: '/cabinet/no-such-thing',
        host: hostOf('fuel'),
        headers: { accept: 'application/json' },
      }),
      await request({
        path: '/login',
        method: 'POST',
        host: hostOf('fuel'),
        body: { email: 'a@b.test', password: 'x' },
        headers: { accept: 'application/json' },
        json: true,
      }),
    ]
    for (const answer of answers) {
      const label = `${answer.status} ${answer.body.slice(0, 60)}`
      assert.isAtLeast(answer.status, 400, label)
      assert.equal(answer.headers['x-content-type-options'], 'nosniff', label)
      assert.equal(answer.headers['x-frame-options'], 'DENY', label)
      assert.equal(answer.headers['referrer-policy'], 'strict-origin-when-cross-origin', label)
      assert.include(String(answer.headers['content-security-policy']), "frame-ancestors 'none'")
    }
  })
})
