/*
 * The props of this module's Inertia pages: `inertia.render()` checks the page name and its
 * props at compile time. Shared props come from app/middleware/inertia_middleware.ts.
 */
import type { Locale, Translated } from '#app/core/i18n/locales'
import type { Audience, MenuNode } from '#app/menus/menu_tree'

declare module '@adonisjs/inertia/types' {
  interface InertiaPages {
    'cabinet/menus': {
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
      icons: string[]
      tenantLocale: Locale
      review: {
        problems: Array<{ id: string; problem: string; message: string }>
        warnings: Array<{ id: string; warning: string; message: string }>
      }
      subAgents: number
      can: { push: boolean }
    }
  }
}
