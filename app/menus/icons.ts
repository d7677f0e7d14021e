/*
 * The menu's icons (issue #12 §1): any icon of the lucide set, by lucide's own kebab-case name
 * (`house`, `building-complex`, `chart-column`). Names are checked here, on save and in the manifests;
 * the browser never loads the set: a page gets the drawings of the icons it shows (`withIcons`)
 * and the builder's picker asks `searchIcons` for more.
 */
import { readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { icons } from 'lucide'
import type { ModuleCatalog } from '#app/core/modules/registry'
import type { MenuIconNode, MenuIcons, RenderedMenu, RenderedMenuNode } from '#app/menus/pages'

/** lucide's own rule from a name to its export: `arrow-down-0-1` -> `ArrowDown01`. */
const exportOf = (name: string) =>
  name
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('')

/** An export's name split into words, for searching aliases: `AlarmCheck` -> `alarm-check`. */
const wordsOf = (exported: string) =>
  exported
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([a-zA-Z])(\d)/g, '$1-$2')
    .toLowerCase()

interface IconSet {
  names: string[]
  nodes: Map<string, MenuIconNode>
  /** Name -> its older names (lucide keeps them as aliases): `house` is found as `home` too. */
  aliases: Map<string, string[]>
}

let loaded: IconSet | undefined

/*
 * The canonical names are the package's icon modules (one file per icon, named as lucide names
 * it); `icons` also holds every alias under the same drawing. Read once per process.
 */
function iconSet(): IconSet {
  if (loaded) return loaded
  const entry = createRequire(import.meta.url).resolve('lucide')
  const folder = join(dirname(entry), '..', 'esm', 'icons')
  const names = readdirSync(folder)
    .filter((file) => file.endsWith('.mjs'))
    .map((file) => file.slice(0, -'.mjs'.length))
    .filter((name) => exportOf(name) in icons)
    .sort()
  const nodes = new Map<string, MenuIconNode>()
  const byDrawing = new Map<unknown, string>()
  for (const name of names) {
    const node = icons[exportOf(name) as keyof typeof icons]
    nodes.set(name, node as MenuIconNode)
    byDrawing.set(node, name)
  }
  const aliases = new Map<string, string[]>()
  for (const [exported, node] of Object.entries(icons)) {
    const name = byDrawing.get(node)
    if (!name || exportOf(name) === exported) continue
    aliases.set(name, [...(aliases.get(name) ?? []), wordsOf(exported)])
  }
  loaded = { names, nodes, aliases }
  return loaded
}

export function isMenuIcon(name: string): boolean {
  return iconSet().nodes.has(name)
}

/** Every icon name lucide has (about 2,000). */
export function menuIconNames(): readonly string[] {
  return iconSet().names
}

/** The drawings of these icons, by name; unknown names are left out. */
export function iconNodes(names: Iterable<string | null | undefined>): MenuIcons {
  const { nodes } = iconSet()
  const found: MenuIcons = {}
  for (const name of names) {
    const node = name ? nodes.get(name) : undefined
    if (name && node) found[name] = node
  }
  return found
}

type WithIcon = { icon: string | null; children?: ReadonlyArray<{ icon: string | null }> }

/** The icons a menu tree shows, its groups' children's included. */
export function iconsIn(nodes: readonly WithIcon[]): Array<string | null> {
  return nodes.flatMap((node) => [node.icon, ...(node.children ?? []).map((child) => child.icon)])
}

/** A rendered menu with the drawings of the icons on it. */
export function withIcons(items: RenderedMenuNode[]): RenderedMenu {
  return { items, icons: iconNodes(iconsIn(items)) }
}

export const ICON_SEARCH_LIMIT = 48

/*
 * The picker's answer: names (or older names) containing the words typed, the closest first —
 * the name itself, then names starting with it, then a word of the name starting with it.
 */
export function searchIcons(
  query: string,
  limit = ICON_SEARCH_LIMIT
): Array<{ name: string; node: MenuIconNode }> {
  const { names, nodes, aliases } = iconSet()
  const wanted = query.trim().toLowerCase().replace(/\s+/g, '-')
  const rank = (name: string): number => {
    if (!wanted) return 3
    const candidates = [name, ...(aliases.get(name) ?? [])]
    if (candidates.includes(wanted)) return 0
    if (candidates.some((candidate) => candidate.startsWith(wanted))) return 1
    if (candidates.some((candidate) => candidate.includes(`-${wanted}`))) return 2
    if (candidates.some((candidate) => candidate.includes(wanted))) return 3
    return -1
  }
  return names
    .map((name) => ({ name, rank: rank(name) }))
    .filter((entry) => entry.rank >= 0)
    .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map(({ name }) => ({ name, node: nodes.get(name)! }))
}

/** The menu entries and groups of the manifests whose icon lucide does not have. */
export function unknownManifestIcons(
  catalog: ModuleCatalog
): Array<{ module: string; problem: string }> {
  const unknown: Array<{ module: string; problem: string }> = []
  for (const entry of catalog.menuEntries.values()) {
    if (!isMenuIcon(entry.icon))
      unknown.push({ module: entry.module, problem: `menu entry ${entry.route}: ${entry.icon}` })
  }
  for (const group of catalog.menuGroups.values()) {
    if (!isMenuIcon(group.icon))
      unknown.push({ module: group.module, problem: `menu group ${group.id}: ${group.icon}` })
  }
  return unknown
}

const checked = new WeakSet<ModuleCatalog>()

/** Refuses a catalog whose menus name an icon lucide does not have (once per catalog). */
export function assertManifestIcons(catalog: ModuleCatalog): void {
  if (checked.has(catalog)) return
  const unknown = unknownManifestIcons(catalog)
  if (unknown.length) {
    const named = unknown.map(({ module, problem }) => `${problem} (${module})`)
    throw new Error(`Unknown menu icon: ${named.join('; ')}`)
  }
  checked.add(catalog)
}
