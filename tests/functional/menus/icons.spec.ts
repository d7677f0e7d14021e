import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { newBusiness } from '#tests/support/businesses'
import { RENAMED_ICONS, renameIcons } from '#app/menus/migrations/20261208013000_lucide_icon_names'

/*
 * Menu icons from lucide (issue #12 §1): a page carries the drawings of the icons it shows, the
 * builder searches the rest of the set on the server, and a name lucide lacks is not saved.
 */
type IconNode = Array<[string, Record<string, string>]>
type Entry = { id: string; icon: string | null; children?: Entry[] }

const namesOn = (items: Entry[]) =>
  new Set(
    items
      .flatMap((entry) => [entry.icon, ...(entry.children ?? []).map((child) => child.icon)])
      .filter((name): name is string => name !== null)
  )

test.group('Menu icons', () => {
  test('the menu carries the drawings of its own icons, and no others', async ({ assert }) => {
    const business = await newBusiness()
    const { page } = await business.admin.page<{
      menu: { items: Entry[]; icons: Record<string, IconNode> }
    }>('/')
    const { items, icons } = page.props.menu
    assert.includeMembers([...namesOn(items)], ['house', 'building-complex', 'settings'])
    assert.sameMembers(Object.keys(icons), [...namesOn(items)])
    const [tag, attrs] = icons.house[0]
    assert.equal(tag, 'path')
    assert.match(attrs.d, /^M/)
  })

  test('the builder finds any lucide icon by its words; it gets the icons its tree shows', async ({
    assert,
  }) => {
    const business = await newBusiness()
    const found = await business.admin.send('GET', '/cabinet/menus/icons?q=truck')
    assert.equal(found.status, 200, found.body)
    const answer = found.json<{ icons: Array<{ name: string; node: IconNode }> }>().icons
    assert.equal(answer[0].name, 'truck')
    assert.isTrue(answer.every((icon) => icon.name.includes('truck') && icon.node.length > 0))
    const many = await business.admin.send('GET', '/cabinet/menus/icons?q=a')
    assert.lengthOf(many.json<{ icons: unknown[] }>().icons, 48)
    const none = await business.admin.send('GET', '/cabinet/menus/icons?q=zzzz-nothing')
    assert.deepEqual(none.json(), { icons: [] })

    const { page } = await business.admin.page<{
      items: Entry[]
      pages: Array<{ icon: string }>
      icons: Record<string, IconNode>
    }>('/cabinet/menus')
    const shown = [...namesOn(page.props.items), ...page.props.pages.map((p) => p.icon)]
    assert.sameMembers(Object.keys(page.props.icons), [...new Set(shown)])
  })

  test('searching icons needs the menu permission', async ({ assert }) => {
    const business = await newBusiness()
    const refused = await business.operator.send('GET', '/cabinet/menus/icons?q=truck')
    assert.equal(refused.status, 403)
  })

  test('a name lucide does not have is not saved: the row says why, in the reader’s language', async ({
    assert,
  }) => {
    const business = await newBusiness()
    const before = await db
      .from('tenant_menus')
      .where({ tenant_id: business.id, audience: 'staff' })
      .firstOrFail()
    const items = [
      { id: 'start', kind: 'page', label: {}, icon: 'rocket', route: 'home' },
      { id: 'old', kind: 'page', label: {}, icon: 'home', route: 'cabinet.people.index' },
    ]
    const response = await business.admin.send('PUT', '/cabinet/menus/staff', { items })
    assert.equal(response.status, 422, response.body)
    const body = response.json<{
      errors: Array<{ message: string }>
      problems: Array<{ id: string; problem: string; message: string }>
    }>()
    assert.deepEqual(body.problems, [
      { id: 'old', problem: 'unknown_icon', message: 'Такого значка нет' },
    ])
    assert.equal(body.errors[0].message, 'Меню не сохранено: исправьте отмеченные пункты.')
    const after = await db
      .from('tenant_menus')
      .where({ tenant_id: business.id, audience: 'staff' })
      .firstOrFail()
    assert.deepEqual(after.items, before.items)

    // With a lucide name it is saved and shown.
    items[1].icon = 'users-round'
    const saved = await business.admin.send('PUT', '/cabinet/menus/staff', { items })
    assert.equal(saved.status, 200, saved.body)
    const { page } = await business.admin.page<{ menu: { icons: Record<string, IconNode> } }>('/')
    assert.sameMembers(Object.keys(page.props.menu.icons), ['rocket', 'users-round'])
  })

  test('the migration renames the hand-drawn icons’ names in saved menus', async ({ assert }) => {
    const business = await newBusiness()
    const where = { tenant_id: business.id, audience: 'client' }
    const old = [
      { id: 'h', kind: 'link', label: { en: 'H' }, icon: 'home', url: 'https://h.example/' },
      {
        id: 'g',
        kind: 'group',
        label: { en: 'G' },
        icon: 'chart',
        children: [
          {
            id: 'd',
            kind: 'link',
            label: { en: 'D' },
            icon: 'document',
            url: 'https://d.example/',
          },
          { id: 'p', kind: 'page', label: {}, icon: null, route: 'home' },
        ],
      },
    ]
    await db
      .from('tenant_menus')
      .where(where)
      .update({ items: JSON.stringify(old) })
    await db.transaction((trx) => renameIcons(trx, RENAMED_ICONS))
    const row = await db.from('tenant_menus').where(where).firstOrFail()
    assert.deepEqual(namesOn(row.items), new Set(['house', 'chart-column', 'file-text']))
    assert.equal(row.items[1].children[1].icon, null)
  })
})
