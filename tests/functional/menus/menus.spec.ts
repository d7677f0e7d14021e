import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { hostOf, TEST_PORT, Visitor } from '#tests/support/http'
import { inTenant } from '#tests/support/people'
import { newBusiness } from '#tests/support/businesses'
import { queriesDuring } from '#tests/support/queries'

/*
 * Menus as data (issue #4 §2): each test builds its own businesses under the platform, so the
 * demo tenants' menus stay as other tests expect them.
 */
type Rendered = { id: string; label: string; href?: string; children?: Rendered[] }

const flat = (menu: Rendered[]): string[] =>
  menu.flatMap((entry) =>
    entry.children
      ? [`[${entry.label}]`, ...entry.children.map((child) => child.label)]
      : [entry.label]
  )

async function menuOf(visitor: Visitor, path = '/') {
  const { page } = await visitor.page<{ menu: { items: Rendered[] } }>(path)
  return page.props.menu.items
}

async function storedMenu(tenantId: number, audience: 'staff' | 'client') {
  const row = await db.from('tenant_menus').where({ tenant_id: tenantId, audience }).firstOrFail()
  return row as { items: unknown[]; editable: boolean }
}

const page = (id: string, route: string, label: Record<string, string> = {}) => ({
  id,
  kind: 'page',
  label,
  icon: null,
  route,
})

test.group('Menus: rendering', () => {
  test('a new business gets its kind’s menu; each person sees only what its role can open', async ({
    assert,
  }) => {
    const business = await newBusiness()
    assert.deepEqual(flat(await menuOf(business.admin)), [
      'Главная',
      '[Клиенты]',
      'Клиенты',
      'Заявки на доступ',
      'Субагенты',
      '[Администрирование]',
      'Люди',
      'Меню',
      'Интеграции',
      'Обращения к провайдерам',
      'Журнал аудита',
      'Отправленные письма',
      'Отправленные уведомления',
      'Сбои фоновых задач',
      'Вход от имени пользователя',
    ])
    // The operator holds the cabinet and cards only: the groups it cannot open vanish whole.
    assert.deepEqual(flat(await menuOf(business.operator)), ['Главная'])
    const home = (await menuOf(business.admin))[0]
    assert.equal(home.href, '/')
  })

  test('the demo client sees the portal menu', async ({ assert }) => {
    const client = new Visitor(hostOf('repair'))
    await client.signIn('client@repair.test')
    const menu = await menuOf(client)
    assert.isTrue(menu.every((entry) => entry.label.length > 0))
    assert.deepEqual(
      menu.map((entry) => entry.href),
      ['/', '/portal/profile']
    )
  })

  test('rendering the menu costs no query per item', async ({ assert }) => {
    const business = await newBusiness()
    await business.admin.get('/')
    const before = await queriesDuring(() => business.admin.get('/'))
    const many = Array.from({ length: 30 }, (_, index) =>
      page(`p${index}`, index % 2 ? 'cabinet.people.index' : 'cabinet.audit.index', {
        en: `Item ${index}`,
      })
    )
    const saved = await business.admin.send('PUT', '/cabinet/menus/staff', {
      items: [
        ...many,
        {
          id: 'g',
          kind: 'group',
          label: { en: 'G' },
          icon: null,
          children: many.map((item) => ({ ...item, id: `g${item.id}` })),
        },
      ],
    })
    assert.equal(saved.status, 200, saved.body)
    assert.lengthOf(flat(await menuOf(business.admin)), 61)
    const after = await queriesDuring(() => business.admin.get('/'))
    assert.equal(after.length, before.length, after.join('\n'))
  })
})

test.group('Menus: the builder', () => {
  test('a saved menu is what its people see, with the labels given per language; the change is audited', async ({
    assert,
  }) => {
    const business = await newBusiness()
    const items = [
      page('start', 'home', { ru: 'Старт', en: 'Start' }),
      {
        id: 'admin',
        kind: 'group',
        label: { ru: 'Настройки' },
        icon: 'settings',
        children: [page('people', 'cabinet.people.index'), page('menus', 'cabinet.menus.index')],
      },
      {
        id: 'help',
        kind: 'link',
        label: { ru: 'Справка' },
        icon: 'link',
        url: 'https://help.example.com/',
      },
    ]
    const saved = await business.admin.send('PUT', '/cabinet/menus/staff', { items })
    assert.equal(saved.status, 200, saved.body)
    const menu = await menuOf(business.admin)
    assert.deepEqual(flat(menu), ['Старт', '[Настройки]', 'Люди', 'Меню', 'Справка'])
    assert.deepEqual(menu[2], {
      id: 'help',
      label: 'Справка',
      icon: 'link',
      href: 'https://help.example.com/',
      external: true,
    })
    // The operator sees the start page and the link: nothing of the group is its to open.
    assert.deepEqual(flat(await menuOf(business.operator)), ['Старт', 'Справка'])
    const audit = await inTenant(business.slug, () =>
      db.from('audit_log').where('action', 'menus.menu_saved').orderBy('id', 'desc').firstOrFail()
    )
    assert.equal(audit.after.audience, 'staff')
    assert.lengthOf(audit.after.items, 3)
  })

  test('refused: unknown pages, pages of a switched-off module, bad links, groups in groups; nothing changes', async ({
    assert,
  }) => {
    const business = await newBusiness()
    const stored = await storedMenu(business.id, 'staff')
    // Tickets off for this business: its page is offered but refused.
    const owner = new Visitor(`localhost:${TEST_PORT}`)
    await owner.signIn('owner@platform.test')
    const off = await owner.send('PUT', `/console/tenants/${business.id}/modules`, {
      module: 'tickets',
      enabled: false,
    })
    assert.equal(off.status, 200, off.body)

    const refused = async (items: unknown[], expected: string | null) => {
      const response = await business.admin.send('PUT', '/cabinet/menus/staff', { items })
      assert.equal(response.status, 422, response.body)
      if (expected) {
        assert.include(
          response.json<{ problems: Array<{ problem: string }> }>().problems.map((p) => p.problem),
          expected
        )
      }
    }
    await refused([page('x', 'no.such.route')], 'unknown_page')
    await refused([page('x', 'cabinet.clients.show')], 'unknown_page') // needs an :id
    await refused([page('x', 'console.index')], 'unknown_page') // the platform's console
    await refused([page('x', 'test.tickets_probe')], 'module_off')
    await refused(
      [
        {
          id: 'g',
          kind: 'group',
          label: { en: 'G' },
          icon: null,
          children: [{ id: 'h', kind: 'group', label: { en: 'H' }, icon: null }],
        },
      ],
      'nested_group'
    )
    await refused(
      [{ id: 'l', kind: 'link', label: {}, icon: null, url: 'https://x.example/' }],
      'label_missing'
    )
    await refused([page('a', 'home'), page('a', 'cabinet.people.index')], 'duplicate_id')
    await refused(
      [{ id: 'l', kind: 'link', label: { en: 'X' }, icon: null, url: 'javascript:alert(1)' }],
      null
    )
    await refused([{ id: 'BAD ID', kind: 'page', label: {}, icon: null, route: 'home' }], null)
    await refused([{ id: 'i', kind: 'page', label: {}, icon: 'no such', route: 'home' }], null)
    await refused(
      [{ id: 'i', kind: 'page', label: {}, icon: 'no-such-icon', route: 'home' }],
      'unknown_icon'
    )
    // The names of the hand-drawn icons are not lucide's (a migration renamed the saved ones).
    await refused(
      [{ id: 'i', kind: 'page', label: {}, icon: 'home', route: 'home' }],
      'unknown_icon'
    )

    // The message is translated (the admin reads Russian).
    const response = await business.admin.send('PUT', '/cabinet/menus/staff', {
      items: [page('x', 'no.such.route')],
    })
    assert.equal(
      response.json<{ errors: Array<{ message: string }> }>().errors[0].message,
      'Меню не сохранено: исправьте отмеченные пункты.'
    )
    assert.deepEqual((await storedMenu(business.id, 'staff')).items, stored.items)

    // With tickets back on, the same page is taken.
    await owner.send('PUT', `/console/tenants/${business.id}/modules`, {
      module: 'tickets',
      enabled: true,
    })
    const ok = await business.admin.send('PUT', '/cabinet/menus/staff', {
      items: [page('t', 'test.tickets_probe')],
    })
    assert.equal(ok.status, 200, ok.body)
  })

  test('a page no role can open is saved but flagged; a switched-off module hides its saved items', async ({
    assert,
  }) => {
    const business = await newBusiness()
    // Nobody here may read the audit log any more.
    await inTenant(business.slug, () =>
      db.rawQuery(`update roles set permissions = array_remove(permissions, 'access.audit.view')`)
    )
    const items = [page('audit', 'cabinet.audit.index'), page('t', 'test.tickets_probe')]
    const saved = await business.admin.send('PUT', '/cabinet/menus/staff', { items })
    assert.equal(saved.status, 200, saved.body)
    const body = saved.json<{ warnings: Array<{ id: string; warning: string; message: string }> }>()
    assert.deepEqual(
      body.warnings.map((w) => [w.id, w.warning]),
      [['audit', 'no_role_opens']]
    )
    assert.equal(body.warnings[0].message, 'Ни одна роль не может её открыть')
    assert.deepEqual(flat(await menuOf(business.admin)), ['Обращения'])

    const owner = new Visitor(`localhost:${TEST_PORT}`)
    await owner.signIn('owner@platform.test')
    await owner.send('PUT', `/console/tenants/${business.id}/modules`, {
      module: 'tickets',
      enabled: false,
    })
    assert.deepEqual(flat(await menuOf(business.admin)), [])
    await owner.send('PUT', `/console/tenants/${business.id}/modules`, {
      module: 'tickets',
      enabled: true,
    })
    assert.deepEqual(flat(await menuOf(business.admin)), ['Обращения'])
  })

  test('preview as role: the draft as that role would see it; another business’s role is not there', async ({
    assert,
  }) => {
    const business = await newBusiness()
    const roles = await inTenant(business.slug, () => db.from('roles').select('id', 'key'))
    const operator = roles.find((role) => role.key === 'operator')!
    const items = [
      page('home', 'home'),
      page('people', 'cabinet.people.index'),
      {
        id: 'g',
        kind: 'group',
        label: { en: 'More' },
        icon: null,
        children: [page('audit', 'cabinet.audit.index')],
      },
    ]
    const response = await business.admin.send('POST', '/cabinet/menus/staff/review', {
      items,
      roleId: operator.id,
    })
    assert.equal(response.status, 200, response.body)
    const { preview } = response.json<{
      preview: { items: Rendered[]; icons: Record<string, unknown> }
    }>()
    assert.deepEqual(flat(preview.items), ['Главная'])
    // With the drawing of its icon: the builder has not necessarily got it.
    assert.sameMembers(Object.keys(preview.icons), ['house'])
    // Nothing was saved by a review.
    assert.notDeepEqual((await storedMenu(business.id, 'staff')).items, items)

    const fuelRole = await inTenant('fuel', () =>
      db.from('roles').where('key', 'operator').firstOrFail()
    )
    const foreign = await business.admin.send('POST', '/cabinet/menus/staff/review', {
      items,
      roleId: fuelRole.id,
    })
    assert.equal(foreign.status, 404)
    // A client role previews the staff menu of nobody.
    const clientRole = roles.find((role) => role.key === 'client_admin')!
    const wrongAudience = await business.admin.send('POST', '/cabinet/menus/staff/review', {
      items,
      roleId: clientRole.id,
    })
    assert.equal(wrongAudience.status, 404)
  })

  test('the builder page lists what can go in and flags what no role opens', async ({ assert }) => {
    const business = await newBusiness()
    const { page: builder } = await business.admin.pageOf('menus/menus/index', '/cabinet/menus')
    const routes = builder.props.pages.map((entry) => entry.route)
    assert.includeMembers(routes, [
      'home',
      'cabinet.people.index',
      'cabinet.menus.index',
      'test.tickets_probe',
    ])
    assert.notInclude(routes, 'console.index')
    assert.notInclude(routes, 'portal.profile')
    assert.isTrue(builder.props.editable)
    assert.isFalse(builder.props.can.push) // no sub-agents yet
    const { page: portal } = await business.admin.pageOf(
      'menus/menus/index',
      '/cabinet/menus?audience=client'
    )
    assert.sameMembers(
      portal.props.pages.map((entry) => entry.route),
      ['home', 'portal.profile', 'account.show', 'notifications.index']
    )
  })
})

test.group('Menus: sub-agents', () => {
  test('an agent copies its menu to its sub-agents, leaving out what they cannot offer, and may keep the copies to itself', async ({
    assert,
  }) => {
    const agent = await newBusiness()
    const sub = await newBusiness({ parentSlug: agent.slug })
    const owner = new Visitor(`localhost:${TEST_PORT}`)
    await owner.signIn('owner@platform.test')
    await owner.send('PUT', `/console/tenants/${sub.id}/modules`, {
      module: 'tickets',
      enabled: false,
    })

    const items = [
      page('home', 'home', { ru: 'Начало' }),
      {
        id: 'work',
        kind: 'group',
        label: { ru: 'Работа' },
        icon: null,
        children: [page('t', 'test.tickets_probe'), page('people', 'cabinet.people.index')],
      },
    ]
    assert.equal((await agent.admin.send('PUT', '/cabinet/menus/staff', { items })).status, 200)
    const pushed = await agent.admin.send('POST', '/cabinet/menus/staff/push', { editable: false })
    assert.equal(pushed.status, 200, pushed.body)
    assert.deepEqual([pushed.json<any>().tenants, pushed.json<any>().dropped], [1, 1])
    assert.deepEqual(flat(await menuOf(sub.admin)), ['Начало', '[Работа]', 'Люди'])

    // Kept: the sub-agent's builder is read-only and a save is refused, changing nothing.
    const { page: builder } = await sub.admin.pageOf('menus/menus/index', '/cabinet/menus')
    assert.isFalse(builder.props.editable)
    const refused = await sub.admin.send('PUT', '/cabinet/menus/staff', {
      items: [page('home', 'home')],
    })
    assert.equal(refused.status, 409)
    assert.equal(
      refused.json<any>().errors[0].message,
      'Этим меню управляет вышестоящая организация.'
    )
    assert.deepEqual(flat(await menuOf(sub.admin)), ['Начало', '[Работа]', 'Люди'])

    // Pushed again as editable: the sub-agent may shape its own.
    await agent.admin.send('POST', '/cabinet/menus/staff/push', { editable: true })
    const own = await sub.admin.send('PUT', '/cabinet/menus/staff', {
      items: [page('home', 'home')],
    })
    assert.equal(own.status, 200, own.body)
    assert.deepEqual(flat(await menuOf(sub.admin)), ['Главная'])
    // The agent's own menu is untouched by its sub-agent.
    assert.deepEqual(flat(await menuOf(agent.admin)), ['Начало', '[Работа]', 'Обращения', 'Люди'])
  })

  test('pushing needs the sub-agents permission as well', async ({ assert }) => {
    const business = await newBusiness()
    await inTenant(business.slug, () =>
      db.rawQuery(
        `update roles set permissions = array_remove(permissions, 'access.subagents.manage') where key = 'admin'`
      )
    )
    const response = await business.admin.send('POST', '/cabinet/menus/staff/push', {
      editable: true,
    })
    assert.equal(response.status, 403)
  })
})
