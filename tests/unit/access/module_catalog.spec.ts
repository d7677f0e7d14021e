import { test } from '@japa/runner'
import { ModuleCatalog, moduleCatalog } from '#app/core/modules/registry'
import { kindPresets } from '#app/platform/kind_presets'

const label = { en: 'x', ru: 'x', fa: 'x' }

test.group('Module catalog', () => {
  test('is composed from the module manifests', async ({ assert }) => {
    const catalog = await moduleCatalog()
    assert.includeMembers([...catalog.modules.keys()], ['platform', 'cabinet', 'portal', 'fuel'])
    assert.isTrue(catalog.permissions.has('platform.tenants.manage'))
    for (const permission of catalog.permissions.values()) {
      assert.isNotEmpty(permission.label.fa)
      assert.isNotEmpty(permission.scopes)
    }
  })

  test('every module and permission a kind preset names exists', async ({ assert }) => {
    const catalog = await moduleCatalog()
    for (const preset of Object.values(await kindPresets())) {
      for (const module of preset.modules) assert.isTrue(catalog.modules.has(module), module)
      for (const role of preset.roles) assert.deepEqual(catalog.unknown(role.permissions), [])
    }
  })

  test('refuses malformed, misplaced and duplicate declarations', ({ assert }) => {
    const module = (key: string, permissions: string[], dependsOn?: string[]) => ({
      key,
      label,
      dependsOn,
      permissions: permissions.map((permission) => ({
        key: permission,
        label,
        scopes: ['own' as const],
      })),
    })
    assert.throws(() => new ModuleCatalog([module('a', ['a.b'])]), /module.resource.action/)
    assert.throws(() => new ModuleCatalog([module('a', ['b.c.d'])]), /outside module a/)
    assert.throws(() => new ModuleCatalog([module('a', ['a.b.c', 'a.b.c'])]), /twice/)
    assert.throws(() => new ModuleCatalog([module('a', []), module('a', [])]), /twice/)
    assert.throws(() => new ModuleCatalog([module('a', [], ['zzz'])]), /unknown module zzz/)
  })
})

test.group('Kind presets composed from the modules (issue #12 §1)', () => {
  test('a role’s permissions come from the modules the kind has, within the kinds a grant names', async ({
    assert,
  }) => {
    const presets = await kindPresets()
    const admin = (kind: keyof typeof presets) =>
      presets[kind].roles.find((role) => role.key === 'admin')!
    assert.include(admin('fuel_reseller').permissions, 'fuel.cards.manage')
    assert.include(admin('fuel_reseller').permissions, 'billing.invoices.issue')
    // Billing grants issuing to the fuel reseller's administrator only.
    assert.notInclude(admin('pos_agent').permissions, 'billing.invoices.issue')
    assert.include(admin('pos_agent').permissions, 'billing.invoices.view')
    // A module the kind does not have grants nothing there.
    assert.notInclude(admin('pos_agent').permissions, 'fuel.cards.view')
    assert.equal(admin('logistics').scopes?.['clients.companies.view'], 'subtree')
    assert.notInclude(
      presets.platform.roles.flatMap((role) => role.permissions),
      'clients.companies.view'
    )
  })

  test('starting menus gather each module’s pages where they say, groups in order', async ({
    assert,
  }) => {
    const { fuel_reseller: fuel, platform } = await kindPresets()
    assert.deepEqual(
      fuel.menus.staff.map((node) => node.id),
      ['home', 'clients', 'sub-agents', 'administration']
    )
    const clients = fuel.menus.staff.find((node) => node.id === 'clients')!
    assert.deepEqual(
      clients.children!.map((node) => node.route),
      ['cabinet.clients.index', 'cabinet.link_requests.index']
    )
    assert.deepEqual(
      fuel.menus.client.map((node) => node.id),
      ['home', 'profile']
    )
    assert.equal(platform.menus.staff[0].route, 'console.index')
    assert.deepEqual(platform.menus.client, [])
  })

  test('a module may grant only its own permissions, to declared templates', ({ assert }) => {
    const declare = (roleGrants: Record<string, { permissions: string[] }>) =>
      new ModuleCatalog([
        {
          key: 'a',
          label,
          permissions: [{ key: 'a.b.c', label, scopes: ['own'] }],
          roleTemplates: [{ key: 'boss', name: label, audience: 'staff' }],
        },
        { key: 'b', label, permissions: [{ key: 'b.c.d', label, scopes: ['own'] }], roleGrants },
      ])
    assert.doesNotThrow(() => declare({ boss: { permissions: ['b.c.d'] } }))
    assert.throws(() => declare({ boss: { permissions: ['a.b.c'] } }), /not its own/)
    assert.throws(() => declare({ chief: { permissions: ['b.c.d'] } }), /undeclared role template/)
  })
})
