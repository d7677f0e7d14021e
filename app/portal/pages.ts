/*
 * The props of this module's Inertia pages: `inertia.render()` checks the page name and its
 * props at compile time. Shared props come from app/middleware/inertia_middleware.ts.
 */
import type { ClientDetail } from '#app/clients/queries/client_detail'
import type { Translated } from '#app/core/i18n/locales'

// Type aliases, not interfaces: page props must be assignable to a JSON record.
export type ProfileProps = {
  fullName: string
  email: string
  lastLoginAt: string | null
}

export type DictionaryEntryProps = {
  dictionary: string
  code: string
  label: Translated
}

declare module '@adonisjs/inertia/types' {
  interface InertiaPages {
    'portal/home': {
      profile: ProfileProps
      company: ClientDetail | null
    }
    'cabinet/home': {
      profile: ProfileProps
      dictionaries: DictionaryEntryProps[]
    }
    'portal/profile': {
      profile: ProfileProps
      companies: Array<{ id: number; name: string; role: Translated | null }>
      types: string[]
      pendingRequests: number
    }
  }
}
