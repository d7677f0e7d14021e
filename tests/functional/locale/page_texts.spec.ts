import { test } from '@japa/runner'
import { hostOf, inertiaPage, Visitor } from '#tests/support/http'

type Messages = Record<string, string>
const messagesOf = (page: { props: Record<string, any> }) => page.props.i18n.messages as Messages
const groupsOf = (messages: Messages) =>
  new Set(Object.keys(messages).map((key) => key.split('.')[0]))

test.group('Texts a page receives (issue #12 §1)', () => {
  test('a page gets the shared texts and its module’s, not the whole catalog', async ({
    assert,
  }) => {
    const admin = new Visitor(hostOf('fuel'))
    await admin.signIn('admin@fuel.test')

    const clients = messagesOf(inertiaPage(await admin.get('/cabinet/clients')))
    const groups = groupsOf(clients)
    assert.includeMembers([...groups], ['shell', 'common', 'clients', 'link_requests'])
    assert.notInclude([...groups], 'menus')
    assert.notInclude([...groups], 'console')
    assert.equal(clients['shell.sign_out'], 'Выйти')

    const menus = messagesOf(inertiaPage(await admin.get('/cabinet/menus')))
    assert.include([...groupsOf(menus)], 'menus')
    assert.notInclude([...groupsOf(menus)], 'clients')
    // The texts in one page are a fraction of the whole catalog (it was 571 keys on every visit).
    assert.isBelow(Object.keys(clients).length, 200)
  })

  test('a page that borrows a module’s texts gets them, in the visitor’s language', async ({
    assert,
  }) => {
    const visitor = new Visitor(hostOf('pos'))
    const register = messagesOf(inertiaPage(await visitor.get('/register')))
    // The registration form shows the company fields, whose texts belong to clients.
    assert.include([...groupsOf(register)], 'clients')
    assert.match(register['clients.name'], /[\u0600-\u06ff]/)
  })
})
