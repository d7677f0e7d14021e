/*
 * The props of this module's Inertia pages, written once: queries and transformers return these
 * shapes, `inertia.render()` checks them (InertiaPages below) and each page's `defineProps`
 * imports its type from here. Types only — a page imports this file, so it imports nothing but
 * other modules' pages.ts and app/core/i18n/locales.ts (node ace modules:check). Shared props
 * come from app/middleware/inertia_middleware.ts.
 */
import type {} from '@adonisjs/inertia/types'
import type { ProfileProps } from '#app/auth/pages'
import type { ClientDetail } from '#app/clients/pages'
import type { Translated } from '#app/core/i18n/locales'

export type HomeIndexProps = {
  profile: ProfileProps
  company: ClientDetail | null
}

export type ProfileShowProps = {
  profile: ProfileProps
  companies: Array<{ id: number; name: string; role: Translated | null }>
  types: string[]
  pendingRequests: number
}

declare module '@adonisjs/inertia/types' {
  interface InertiaPages {
    'portal/home/index': HomeIndexProps
    'portal/profile/show': ProfileShowProps
  }
}
