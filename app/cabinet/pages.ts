/*
 * The props of this module's Inertia pages, written once: queries and transformers return these
 * shapes, `inertia.render()` checks them (InertiaPages below) and each page's `defineProps`
 * imports its type from here. Types only — a page imports this file, so it imports nothing but
 * other modules' pages.ts and app/core/i18n/locales.ts (node ace modules:check). Shared props
 * come from app/middleware/inertia_middleware.ts.
 */
import type {} from '@adonisjs/inertia/types'
import type { ProfileProps } from '#app/auth/pages'
import type { Translated } from '#app/core/i18n/locales'

// A type alias, not an interface: page props must be assignable to a JSON record.
export type DictionaryEntryProps = {
  dictionary: string
  code: string
  label: Translated
}

export type HomeIndexProps = {
  profile: ProfileProps
  dictionaries: DictionaryEntryProps[]
}

declare module '@adonisjs/inertia/types' {
  interface InertiaPages {
    'cabinet/home/index': HomeIndexProps
  }
}
