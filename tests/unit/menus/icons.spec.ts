import { test } from '@japa/runner'
import { icons } from 'lucide'
import { ModuleCatalog, moduleCatalog } from '#app/core/modules/registry'
import { composePreset } from '#app/platform/kind_presets'
import { kindDeclarations } from '#tenants/index'
import {
  assertManifestIcons,
  iconNodes,
  isMenuIcon,
  menuIconNames,
  searchIcons,
  unknownManifestIcons,
  withIcons,
} from '#app/menus/icons'

const label = { en: 'x', ru: 'x', fa: 'x' }

/** One module with one menu page and one group, drawn with these icons. */
const catalogWith = (pageIcon: string, groupIcon: string) =>
  new ModuleCatalog([
    {
      key: 'a',
      label,
      permissions: [{ key: 'a.b.c', label, scopes: ['own'] }],
      routes: { 'a.index': { permission: 'a.b.c' } },
      menu: [{ route: 'a.index', audiences: ['staff'], label, icon: pageIcon }],
      menuGroups: [{ id: 'g', label, icon: groupIcon, starts: [] }],
    },
  ])

test.group('Menu icons: the lucide set (issue #12 §1)', () => {
  test('every lucide icon is a menu icon under its kebab-case name, aliases are not', ({
    assert,
  }) => {
    const names = menuIconNames()
    // One name per drawing: lucide's exports hold each icon once plus its older aliases.
    assert.lengthOf(names, new Set(Object.values(icons)).size)
    assert.isAbove(names.length, 1500)
    for (const name of ['house', 'building-complex', 'chart-column', 'arrow-down-0-1', 'clock-10'])
      assert.isTrue(isMenuIcon(name), name)
    for (const name of ['home', 'building-2', 'House', 'no-such-icon', ''])
      assert.isFalse(isMenuIcon(name), name)
  })

  test('a rendered menu carries the drawings of its icons and no others', ({ assert }) => {
    const menu = withIcons([
      { id: 'a', label: 'A', icon: 'house', href: '/', external: false },
      {
        id: 'g',
        label: 'G',
        icon: 'settings',
        children: [{ id: 'b', label: 'B', icon: null, href: '/b', external: false }],
      },
      { id: 'c', label: 'C', icon: 'not-lucide', href: '/c', external: false },
    ])
    assert.sameMembers(Object.keys(menu.icons), ['house', 'settings'])
    assert.deepEqual(menu.icons.house, icons.House as unknown)
    assert.deepEqual(iconNodes([null, 'truck', 'truck']), { truck: icons.Truck } as unknown)
  })

  test('the search finds names and older names, the closest first, at most 48', ({ assert }) => {
    assert.equal(searchIcons('truck')[0].name, 'truck')
    assert.isTrue(searchIcons('truck').every((icon) => icon.name.includes('truck')))
    // `home` was lucide's name for `house`.
    assert.equal(searchIcons('home')[0].name, 'house')
    assert.equal(searchIcons(' Credit Card ')[0].name, 'credit-card')
    assert.lengthOf(searchIcons('a'), 48)
    assert.lengthOf(searchIcons(''), 48)
    assert.deepEqual(searchIcons('zzzz-nothing'), [])
  })

  test('every manifest names lucide icons; a catalog naming another is refused', async ({
    assert,
  }) => {
    assert.deepEqual(unknownManifestIcons(await moduleCatalog()), [])
    assert.doesNotThrow(() => assertManifestIcons(catalogWith('house', 'settings')))
    const bad = catalogWith('home', 'cog-wheel')
    assert.deepEqual(
      unknownManifestIcons(bad).map((entry) => entry.problem),
      ['menu entry a.index: home', 'menu group g: cog-wheel']
    )
    assert.throws(() => assertManifestIcons(bad), /Unknown menu icon: menu entry a\.index: home/)
    // Composing the starting menus refuses it too.
    const noRoles = { ...kindDeclarations.platform, roles: [] }
    assert.throws(() => composePreset(noRoles, bad), /Unknown menu icon/)
  })
})
