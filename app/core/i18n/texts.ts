/*
 * Where the texts live (issue #12 §1): the shared ones in resources/lang/<locale>/<file>.json
 * (the shell, common words, validation and error pages) and each module's own in
 * app/<module>/lang/<locale>/<file>.json. The i18n loaders read every folder, so the server
 * translates any key; a page receives only the shared `ui` groups and those of the module that
 * renders it (plus the groups it names in `borrowsTexts`), not the whole catalog.
 */
import { existsSync, readFileSync } from 'node:fs'
import { filesOfModules } from '../modules/discover.ts'
import { fileURLToPath } from 'node:url'

const ROOT = new URL('../../../', import.meta.url)
export const SHARED_TEXTS = new URL('resources/lang/', ROOT)

/** The module folders that hold texts, keyed by module. */
export function moduleTextFolders(): Map<string, URL> {
  return new Map(filesOfModules('lang/').map(({ module, url }) => [module, url]))
}

/** Every folder the i18n loaders read: the shared one first, then each module's. */
export function textFolders(): string[] {
  return [SHARED_TEXTS, ...moduleTextFolders().values()].map((url) => fileURLToPath(url))
}

/** The top-level groups of a folder's `ui.json` (English is the reference locale). */
export function uiGroupsIn(folder: URL): string[] {
  const file = new URL('en/ui.json', folder)
  return existsSync(file) ? Object.keys(JSON.parse(readFileSync(file, 'utf8'))) : []
}

let groupsByModule: Map<string, string[]> | undefined

/** Module -> the `ui` groups it owns; a group claimed twice is refused at boot. */
export function uiGroupsByModule(): ReadonlyMap<string, string[]> {
  if (groupsByModule) return groupsByModule
  const owners = new Map<string, string>(uiGroupsIn(SHARED_TEXTS).map((group) => [group, '']))
  const found = new Map<string, string[]>()
  for (const [module, folder] of moduleTextFolders()) {
    const groups = uiGroupsIn(folder)
    for (const group of groups) {
      const owner = owners.get(group)
      if (owner !== undefined) {
        throw new Error(`Text group ui.${group} of ${module} is already ${owner || 'shared'}'s`)
      }
      owners.set(group, module)
    }
    found.set(module, groups)
  }
  groupsByModule = found
  return found
}

let shared: string[] | undefined

export function sharedUiGroups(): string[] {
  shared ??= uiGroupsIn(SHARED_TEXTS)
  return shared
}

/** The `ui` groups a page of `module` receives: the shared ones, its own, and those it borrows. */
export function pageTextGroups(module: string | null, borrowed: readonly string[] = []): string[] {
  const byModule = uiGroupsByModule()
  const groups = new Set(sharedUiGroups())
  for (const group of module ? (byModule.get(module) ?? []) : []) groups.add(group)
  for (const group of module ? borrowed : []) {
    const owner = [...byModule].find(([, owned]) => owned.includes(group))?.[0]
    if (!owner || owner === module) {
      throw new Error(`${module} borrows ui.${group}, which no other module owns`)
    }
    groups.add(group)
  }
  return [...groups].sort()
}
