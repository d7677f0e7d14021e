import { test } from '@japa/runner'
import { ModuleCatalog, moduleCatalog } from '#app/core/modules/registry'
import { presets } from '#tenants/index'

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
    for (const preset of Object.values(presets)) {
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
