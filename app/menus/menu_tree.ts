/*
 * Menus are data (issue #4 §2, ARCHITECTURE §7): per tenant and audience, a list of pages,
 * external links and groups of them, kept in `tenant_menus` and held in the tenant registry's
 * snapshot. What a person sees is computed here from that data, the tenant's modules and the
 * person's permissions, which the request has loaded already: no query per item.
 */
import type { Locale, Translated } from '#app/core/i18n/locales'
import type { MenuEntryDeclaration, RouteAccess } from '#app/core/modules/manifest'
import type { ModuleCatalog } from '#app/core/modules/registry'
import { isMenuIcon } from '#app/menus/icons'
import type {
  Audience,
  MenuNode,
  RenderedMenuGroup,
  RenderedMenuItem,
  RenderedMenuNode,
} from '#app/menus/pages'
export type { Audience, MenuNode, RenderedMenuGroup, RenderedMenuItem, RenderedMenuNode }

export const AUDIENCES: readonly Audience[] = ['staff', 'client']

/** Groups hold pages and links, one level deep: a menu people can scan. */
export const MAX_MENU_NODES = 80

// A type alias, not an interface: it travels in page props, which must be JSON records.

export type MenuSet = Record<Audience, MenuNode[]>

/** A page a tenant's menu may offer, for one audience, where its route exists. */
export interface AvailablePage extends MenuEntryDeclaration {
  module: string
  path: string
  access: RouteAccess
  /** False when the page's module is switched off for the tenant: offered, but refused. */
  enabled: boolean
}

export interface MenuTenant {
  isPlatform: boolean
  modules: ReadonlySet<string>
  locale: Locale
}

/**
 * The pages an audience's menu may point at in this tenant: declared by a module for that
 * audience, whose route is registered (`paths`), on the right side of the platform/agent line.
 */
export function availablePages(
  catalog: ModuleCatalog,
  paths: ReadonlyMap<string, string>,
  tenant: MenuTenant,
  audience: Audience
): Map<string, AvailablePage> {
  const pages = new Map<string, AvailablePage>()
  for (const [route, entry] of catalog.menuEntries) {
    const path = paths.get(route)
    const access = catalog.routes.get(route)
    if (!path || !access || !entry.audiences.includes(audience)) continue
    if (entry.where === 'platform' && !tenant.isPlatform) continue
    if (entry.where === 'agents' && tenant.isPlatform) continue
    const toggleable = catalog.modules.get(entry.module)?.toggleable === true
    pages.set(route, {
      ...entry,
      path,
      access,
      enabled: !toggleable || tenant.modules.has(entry.module),
    })
  }
  return pages
}

/** Whether someone holding `holds` may open a page with this access. */
export function opens(access: RouteAccess, holds: (permission: string) => boolean): boolean {
  if ('permission' in access) return holds(access.permission)
  if ('anyOf' in access) return access.anyOf.some(holds)
  return true
}

/** A label in the wanted locale, else the tenant's, else English, else any given. */
export function pickLabel(
  label: Partial<Translated>,
  locale: Locale,
  tenantLocale: Locale
): string {
  const candidates = [label[locale], label[tenantLocale], label.en, label.ru, label.fa]
  return candidates.map((text) => text?.trim()).find((text) => !!text) ?? ''
}

/*
 * The menu as one person sees it: a page only when its module is on and the person may open
 * it, a link always, a group only when something in it is shown.
 */
export function renderMenu(
  tree: readonly MenuNode[],
  pages: ReadonlyMap<string, AvailablePage>,
  holds: (permission: string) => boolean,
  locale: Locale,
  tenantLocale: Locale
): RenderedMenuNode[] {
  const item = (node: MenuNode): RenderedMenuItem | null => {
    if (node.kind === 'link' && node.url) {
      const label = pickLabel(node.label, locale, tenantLocale)
      return { id: node.id, label, icon: node.icon, href: node.url, external: true }
    }
    if (node.kind !== 'page' || !node.route) return null
    const page = pages.get(node.route)
    if (!page || !page.enabled || !opens(page.access, holds)) return null
    const label =
      pickLabel(node.label, locale, tenantLocale) || pickLabel(page.label, locale, tenantLocale)
    return { id: node.id, label, icon: node.icon ?? page.icon, href: page.path, external: false }
  }
  const rendered: RenderedMenuNode[] = []
  for (const node of tree) {
    if (node.kind === 'group') {
      const children = (node.children ?? [])
        .map(item)
        .filter((child): child is RenderedMenuItem => child !== null)
      if (children.length === 0) continue
      const label = pickLabel(node.label, locale, tenantLocale)
      rendered.push({ id: node.id, label, icon: node.icon, children })
    } else {
      const shown = item(node)
      if (shown) rendered.push(shown)
    }
  }
  return rendered
}

export type MenuProblem =
  | 'unknown_page'
  | 'module_off'
  | 'label_missing'
  | 'nested_group'
  | 'duplicate_id'
  | 'too_many'
  | 'empty_group'
  | 'url_missing'
  | 'unknown_icon'

export interface MenuReview {
  /** Refusals: a menu with any of these is not saved. */
  problems: Array<{ id: string; problem: MenuProblem }>
  /** Saved, but flagged: pages no role of the tenant (for this audience) can open. */
  warnings: Array<{ id: string; warning: 'no_role_opens' }>
}

function* walk(tree: readonly MenuNode[]): Generator<MenuNode> {
  for (const node of tree) {
    yield node
    if (node.children) yield* walk(node.children)
  }
}

/*
 * What the builder refuses and what it flags. `roles` are the tenant's roles of the audience,
 * each cut to the tenant's ceiling: a page none of them opens is shown to nobody.
 */
export function reviewMenu(
  tree: readonly MenuNode[],
  pages: ReadonlyMap<string, AvailablePage>,
  roles: ReadonlyArray<ReadonlySet<string>>
): MenuReview {
  const review: MenuReview = { problems: [], warnings: [] }
  const seen = new Set<string>()
  let count = 0
  for (const node of tree) {
    for (const child of node.children ?? []) {
      if (child.kind === 'group') review.problems.push({ id: child.id, problem: 'nested_group' })
    }
    if (node.kind === 'group' && (node.children ?? []).length === 0) {
      review.problems.push({ id: node.id, problem: 'empty_group' })
    }
  }
  for (const node of walk(tree)) {
    count++
    if (seen.has(node.id)) review.problems.push({ id: node.id, problem: 'duplicate_id' })
    seen.add(node.id)
    if (node.icon && !isMenuIcon(node.icon)) {
      review.problems.push({ id: node.id, problem: 'unknown_icon' })
    }
    if (node.kind !== 'page') {
      if (!Object.values(node.label).some((text) => text?.trim())) {
        review.problems.push({ id: node.id, problem: 'label_missing' })
      }
      if (node.kind === 'link' && !node.url) {
        review.problems.push({ id: node.id, problem: 'url_missing' })
      }
      continue
    }
    const page = node.route ? pages.get(node.route) : undefined
    if (!page) {
      review.problems.push({ id: node.id, problem: 'unknown_page' })
    } else if (!page.enabled) {
      review.problems.push({ id: node.id, problem: 'module_off' })
    } else if (!roles.some((role) => opens(page.access, (key) => role.has(key)))) {
      review.warnings.push({ id: node.id, warning: 'no_role_opens' })
    }
  }
  if (count > MAX_MENU_NODES) review.problems.push({ id: '', problem: 'too_many' })
  return review
}

/*
 * A parent's menu as copied to a sub-agent: pages the sub-agent cannot offer (module off there,
 * or a page of another kind of tenant) are left out, and groups left empty with them.
 */
export function menuFor(
  tree: readonly MenuNode[],
  pages: ReadonlyMap<string, AvailablePage>
): { tree: MenuNode[]; dropped: number } {
  let dropped = 0
  const keep = (node: MenuNode) => {
    if (node.kind !== 'page') return true
    const page = node.route ? pages.get(node.route) : undefined
    const kept = !!page && page.enabled
    if (!kept) dropped++
    return kept
  }
  const copied: MenuNode[] = []
  for (const node of tree) {
    if (node.kind === 'group') {
      const children = (node.children ?? []).filter(keep)
      if (children.length) copied.push({ ...node, children })
    } else if (keep(node)) {
      copied.push({ ...node })
    }
  }
  return { tree: copied, dropped }
}
