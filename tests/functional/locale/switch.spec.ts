import { test } from '@japa/runner'
import { hostOf, inertiaPage, Visitor } from '#tests/support/http'

const langOf = (html: string) => html.match(/<html lang="(\w+)" dir="(\w+)"/)?.slice(1)

test.group('Locale switch', () => {
  test("a visitor sees the tenant's default language and may switch it", async ({ assert }) => {
    const visitor = new Visitor(hostOf('pos'))
    const before = await visitor.get('/login')
    assert.deepEqual(langOf(before.body), ['fa', 'rtl'])
    await visitor.post('/locale', { locale: 'en' })
    const after = await visitor.get('/login')
    assert.deepEqual(langOf(after.body), ['en', 'ltr'])
    assert.equal(inertiaPage(after).props.i18n.messages['auth.sign_in'], 'Sign in')
  })

  test("a signed-in user's choice is kept on the user, across sessions", async ({ assert }) => {
    const first = new Visitor(hostOf('rail'))
    await first.signIn('client@rail.test')
    await first.post('/locale', { locale: 'fa' })

    const second = new Visitor(hostOf('rail'))
    await second.signIn('client@rail.test')
    const home = await second.get('/')
    assert.deepEqual(langOf(home.body), ['fa', 'rtl'])
    // Put it back for other tests.
    await second.post('/locale', { locale: 'ru' })
  })

  test('an unknown language is refused and changes nothing', async ({ assert }) => {
    const visitor = new Visitor(hostOf('fuel'))
    const refused = await visitor.post('/locale', { locale: 'de' }, { accept: 'application/json' })
    assert.equal(refused.status, 422)
    assert.deepEqual(langOf((await visitor.get('/login')).body), ['ru', 'ltr'])
  })
})
