import { test } from '@japa/runner'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { checkModules } from '#app/platform/modules_check'
import { moduleCatalog } from '#app/core/modules/registry'
import { importFromModules } from '#app/core/modules/discover'
import type { ProviderType } from '#app/integrations/provider_type'

const ROOT = new URL('../../../', import.meta.url).pathname

function tree(files: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), 'modules-check-'))
  for (const [path, source] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), source)
  }
  return root
}

test.group('modules:check (issue #12 §1)', () => {
  test('the tree passes: nothing central names a business module', async ({ assert }) => {
    const business = [...(await moduleCatalog()).toggleableModules]
    assert.includeMembers(business, ['fuel', 'billing', 'pos', 'logistics'])
    assert.deepEqual(checkModules(ROOT, business), [])
  })

  test('it fails for a central list, a stray page type and a job outside its module', ({
    assert,
  }) => {
    const root = tree({
      'app/core/http/registry.ts': `import '#app/fuel/jobs'\n`,
      'start/kernel.ts': `const modules = ['fuel', 'billing']\n`,
      'app/fuel/module.ts': `export default {}\n`,
      'app/fuel/pages.ts': `declare module 'x' {\n  interface P {\n    'fuel/cards/index': {}\n  }\n}\n`,
      'app/fuel/controllers/cards.ts': `inertia.render('fuel/cards/index'); inertia.render('fuel/cards/show')\n`,
      'app/fuel/jobs/sync.ts': `defineJob({ name: 'billing.sync' })\n`,
    })
    try {
      assert.deepEqual(checkModules(root, ['fuel', 'billing']), [
        { file: 'app/core/http/registry.ts', problem: 'imports from the fuel module' },
        { file: 'start/kernel.ts', problem: 'names the fuel module' },
        { file: 'start/kernel.ts', problem: 'names the billing module' },
        {
          file: 'app/fuel/controllers/cards.ts',
          problem: 'renders fuel/cards/show, whose props app/fuel/pages.ts does not declare',
        },
        {
          file: 'app/fuel/jobs/sync.ts',
          problem: 'defines job billing.sync outside module billing',
        },
      ])
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })

  test('it fails for a page out of place, props by hand, a pages.ts with code, a table without model', ({
    assert,
  }) => {
    const root = tree({
      'app/fuel/module.ts': `export default {}\n`,
      'app/fuel/pages.ts': [
        `import type { CardRow } from '#app/fuel/queries/cards'`,
        `import type { Translated } from '#app/core/i18n/locales'`,
        `import type { ClientRow } from '#app/clients/pages'`,
        `declare module 'x' {\n  interface P {\n    'fuel/cards/index': {}\n  }\n}\n`,
      ].join('\n'),
      'app/fuel/controllers/cards.ts': `inertia.render('billing/cards/index')\n`,
      'inertia/pages/fuel/cards/index.vue': `<script setup lang="ts">\ndefineProps<{ cards: string[] }>()\n</script>\n`,
      'inertia/pages/fuel/cards.vue': `<template></template>\n`,
      'inertia/components/card_row.vue': `<template></template>\n`,
      'inertia/components/fuel/card_row.vue': `<template></template>\n`,
      'app/fuel/migrations/20270101000000_cards.ts': `createTenantTable(this, 'fuel_cards', () => {})\ncreateTenantTable(this, 'fuel_limits', () => {})\n`,
      'app/fuel/models/card.ts': `export default class Card extends TenantModel {\n  static table = 'fuel_cards'\n}\n`,
      'inertia/pages/fuel/cards/show.vue': `<script setup lang="ts">\nimport type { CardsShowProps } from '#app/fuel/pages'\ndefineProps<CardsShowProps>()\n</script>\n`,
    })
    try {
      assert.sameDeepMembers(checkModules(root, ['fuel']), [
        {
          file: 'app/fuel/controllers/cards.ts',
          problem: 'renders billing/cards/index: its pages are named fuel/<resource>/<view>',
        },
        {
          file: 'app/fuel/pages.ts',
          problem:
            'imports #app/fuel/queries/cards: page prop types import only types (other pages.ts, locales)',
        },
        {
          file: 'inertia/pages/fuel/cards.vue',
          problem: 'pages live in inertia/pages/<module>/<resource>/<view>.vue',
        },
        {
          file: 'inertia/components/card_row.vue',
          problem: 'components live in inertia/components/{ui,<module>}/',
        },
        {
          file: 'inertia/pages/fuel/cards/index.vue',
          problem: 'declares its props by hand: import them from app/fuel/pages.ts',
        },
        {
          file: 'app/fuel/migrations/20270101000000_cards.ts',
          problem:
            "creates tenant table fuel_limits without a TenantModel (static table = 'fuel_limits') in app/fuel/models",
        },
      ])
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })

  test('a provider is declared by the module it serves', async ({ assert }) => {
    const declared = await importFromModules<{ default: ProviderType[] }>('providers.ts')
    const catalog = await moduleCatalog()
    for (const { module, exports } of declared) {
      for (const type of exports.default) {
        const home = type.module ?? module
        assert.equal(home, module, `provider ${type.key} is declared in ${module}`)
        if (type.module === null) assert.isNotTrue(catalog.modules.get(module)?.toggleable)
      }
    }
    assert.sameMembers(
      declared.map(({ module }) => module),
      ['billing', 'fuel', 'mail', 'pos']
    )
  })
})
