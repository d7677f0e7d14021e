import { test } from '@japa/runner'
import { tenantDataLoaders } from '#app/tenancy/module_tenant_data'

test.group('Tenant data of the modules (issue #12 §5)', () => {
  test('each module’s loader is found once, under a key of its own', async ({ assert }) => {
    const loaders = await tenantDataLoaders()
    const keys = loaders.map((loader) => loader.key)
    assert.include(keys, 'menus')
    assert.equal(new Set(keys).size, keys.length)
    // A tenant without any gets a fresh value each time, never one shared between tenants.
    for (const loader of loaders) assert.notStrictEqual(loader.empty(), loader.empty())
  })
})
