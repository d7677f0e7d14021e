/*
 * The props of this module's Inertia pages, written once: queries and transformers return these
 * shapes, `inertia.render()` checks them (InertiaPages below) and each page's `defineProps`
 * imports its type from here. Types only — a page imports this file, so it imports nothing but
 * other modules' pages.ts and app/core/i18n/locales.ts (node ace modules:check). Shared props
 * come from app/middleware/inertia_middleware.ts.
 */
import type {} from '@adonisjs/inertia/types'
import type { Locale, Translated } from '#app/core/i18n/locales'

export type Audience = 'staff' | 'client'

export type MenuNode = {
  /** Stable within the tree: keys the builder's rows and names a node in errors. */
  id: string
  kind: 'page' | 'link' | 'group'
  /** Per locale; blank for a page means the page's own name. */
  label: Partial<Translated>
  /** A lucide icon's name (app/menus/icons.ts, validated on save); none: the page's own. */
  icon: string | null
  /** kind page: a route name that has a menu entry (app/<module>/module.ts `menu`). */
  route?: string
  /** kind link: an absolute http(s) address, opened as an external link. */
  url?: string
  /** kind group. */
  children?: MenuNode[]
}

/** The signed-in person's menu (a shared prop), cut to their modules and permissions. */
// Type aliases, not interfaces: page props must be assignable to a JSON record.
export type RenderedMenuItem = {
  id: string
  label: string
  icon: string | null
  href: string
  external: boolean
}

export type RenderedMenuGroup = {
  id: string
  label: string
  icon: string | null
  children: RenderedMenuItem[]
}

export type RenderedMenuNode = RenderedMenuItem | RenderedMenuGroup

/** A lucide icon's drawing: SVG elements and their attributes on lucide's 24-unit grid. */
export type MenuIconNode = Array<[tag: string, attrs: Record<string, string | number>]>

/** Icon name -> its drawing: only the icons a page shows travel with it. */
export type MenuIcons = Record<string, MenuIconNode>

/** A rendered menu and the drawings of the icons on it. */
export type RenderedMenu = { items: RenderedMenuNode[]; icons: MenuIcons }

export type MenusIndexProps = {
  audience: Audience
  items: MenuNode[]
  editable: boolean
  pages: Array<{
    route: string
    label: Translated
    icon: string
    enabled: boolean
    module: Translated
  }>
  roles: Array<{ id: number; name: Translated }>
  /** The drawings of the icons the tree and the pages show; the picker fetches others. */
  icons: MenuIcons
  tenantLocale: Locale
  review: {
    problems: Array<{ id: string; problem: string; message: string }>
    warnings: Array<{ id: string; warning: string; message: string }>
  }
  subAgents: number
  can: { push: boolean }
}

declare module '@adonisjs/inertia/types' {
  interface InertiaPages {
    'menus/menus/index': MenusIndexProps
  }
}

declare module '#app/core/http/page_props' {
  interface ModuleSharedProps {
    menu: RenderedMenu
  }
}
