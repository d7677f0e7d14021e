/* Shapes of the props every page receives (app/middleware/inertia_middleware.ts). */
export type Locale = 'en' | 'ru' | 'fa'

export interface Brand {
  name: string
  primaryColor: string
  accentColor: string
  radius: string
  font: string
  supportEmail: string | null
  supportPhone: string | null
  legalFooter: string | null
  logoLightUrl: string | null
  logoDarkUrl: string | null
  faviconUrl: string | null
}

import type {
  MenuIconNode,
  MenuIcons,
  RenderedMenu,
  RenderedMenuGroup,
  RenderedMenuItem,
  RenderedMenuNode,
} from '#app/menus/pages'

/** The signed-in person's menu, already cut to its modules and permissions (app/menus). */
export type MenuLink = RenderedMenuItem
export type MenuGroup = RenderedMenuGroup
export type MenuEntry = RenderedMenuNode
export type { MenuIconNode, MenuIcons, RenderedMenu }

export interface SharedProps {
  [key: string]: unknown
  errors: Record<string, string>
  flash: string | null
  brand: Brand
  tenant: {
    slug: string
    isPlatform: boolean
    timeZone: string
    calendar: 'gregory' | 'persian'
    currency: string
  }
  i18n: { locale: Locale; dir: 'rtl' | 'ltr'; messages: Record<string, string> }
  user: { id: number; fullName: string; email: string; audience: 'staff' | 'client' } | null
  /** Its entries and the drawings of their icons (no others reach the browser). */
  menu: RenderedMenu
  /** Set while someone impersonates the signed-in person: the banner shows it. */
  impersonation: { byName: string } | null
  /** A client user's companies and the one it acts for now (null for staff). */
  holding: { companies: Array<{ id: number; name: string }>; activeId: number | null } | null
  /** The bell's badge: the signed-in person's unread notifications (null when signed out). */
  unreadNotifications: number | null
}
