import { test } from '@japa/runner'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, normalize } from 'node:path'
import { moduleCatalog } from '#app/core/modules/registry'
import {
  pageTextGroups,
  sharedUiGroups,
  uiGroupsByModule,
  uiGroupsIn,
  textFolders,
} from '#app/core/i18n/texts'

const ROOT = new URL('../../../', import.meta.url).pathname
const INERTIA = join(ROOT, 'inertia')

function flatten(value: unknown, prefix = '', out = new Set<string>()) {
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    if (child && typeof child === 'object') flatten(child, `${prefix}${key}.`, out)
    else out.add(`${prefix}${key}`)
  }
  return out
}

function allUiKeys(): Set<string> {
  const keys = new Set<string>()
  for (const folder of textFolders()) {
    const file = join(folder, 'en/ui.json')
    if (existsSync(file)) flatten(JSON.parse(readFileSync(file, 'utf8')), '', keys)
  }
  return keys
}

/** The `ui` groups a front-end file and everything it imports from the project ask for. */
function groupsUsedBy(file: string, keys: Set<string>, seen = new Set<string>()): Set<string> {
  const groups = new Set<string>()
  if (seen.has(file)) return groups
  seen.add(file)
  // Route names (`route('account.confirm')`) are not texts, even where a text has the same key.
  const source = readFileSync(file, 'utf8').replace(/\broute\(\s*(['"`])[^'"`]*\1/g, 'route(')
  // A literal key ('clients.title') counts when it exists; a built one (`clients.type_${x}`)
  // when some key starts with its prefix. Other dotted strings (a placeholder host) do not.
  for (const [, literal] of source.matchAll(/['"`]([a-z_]+(?:\.[a-zA-Z_]+)+)['"`]/g)) {
    if (keys.has(literal)) groups.add(literal.split('.')[0])
  }
  for (const [, prefix] of source.matchAll(/`([a-z_]+\.[a-zA-Z_.]*)\$\{/g)) {
    if ([...keys].some((key) => key.startsWith(prefix))) groups.add(prefix.split('.')[0])
  }
  for (const [, specifier] of source.matchAll(/from\s+['"]((?:~|\.{1,2})\/[^'"]+)['"]/g)) {
    const base = specifier.startsWith('~/')
      ? join(INERTIA, specifier.slice(2))
      : normalize(join(dirname(file), specifier))
    const target = [base, `${base}.vue`, `${base}.ts`].find(
      (path) => existsSync(path) && !path.endsWith('/')
    )
    if (target && target.startsWith(INERTIA)) {
      for (const group of groupsUsedBy(target, keys, seen)) groups.add(group)
    }
  }
  return groups
}

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourcesUnder(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : []
  )
}

test.group('Texts a page receives (issue #12 §1)', () => {
  test('each text group has one owner: shared, or one module', ({ assert }) => {
    const byModule = uiGroupsByModule()
    assert.isAbove(byModule.size, 5)
    const seen = new Map<string, string>(sharedUiGroups().map((group) => [group, 'shared']))
    for (const [module, groups] of byModule) {
      for (const group of groups) {
        assert.notProperty(Object.fromEntries(seen), group, `ui.${group} of ${module}`)
        seen.set(group, module)
      }
    }
  })

  test('every page finds each text it shows among those its module sends', async ({ assert }) => {
    const catalog = await moduleCatalog()
    const keys = allUiKeys()
    const missing: string[] = []
    let pages = 0
    for (const module of catalog.modules.values()) {
      const dir = join(ROOT, 'app', module.key)
      const sent = new Set(pageTextGroups(module.key, module.borrowsTexts))
      for (const file of sourcesUnder(dir)) {
        for (const [, page] of readFileSync(file, 'utf8').matchAll(
          /inertia\.render\(\s*'([^']+)'/g
        )) {
          pages++
          const vue = join(INERTIA, 'pages', `${page}.vue`)
          for (const group of groupsUsedBy(vue, keys)) {
            if (!sent.has(group))
              missing.push(`${page} (rendered by ${module.key}) shows ui.${group}`)
          }
        }
      }
    }
    assert.isAbove(pages, 25)
    assert.deepEqual(missing, [])
  })

  test('the layouts show only shared texts', ({ assert }) => {
    const keys = allUiKeys()
    const shared = new Set(sharedUiGroups())
    for (const layout of ['layouts/app_shell.vue', 'layouts/guest_card.vue']) {
      const foreign = [...groupsUsedBy(join(INERTIA, layout), keys)].filter((g) => !shared.has(g))
      assert.deepEqual(foreign, [], layout)
    }
  })

  test('a module’s texts are its own folder’s', ({ assert }) => {
    assert.includeMembers(uiGroupsIn(new URL('../../../app/clients/lang/', import.meta.url)), [
      'clients',
      'link_requests',
    ])
    assert.notInclude(pageTextGroups('clients'), 'menus')
    assert.include(pageTextGroups('clients'), 'shell')
  })
})
