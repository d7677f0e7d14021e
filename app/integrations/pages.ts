/*
 * The props of this module's Inertia pages: `inertia.render()` checks the page name and its
 * props at compile time. Shared props come from app/middleware/inertia_middleware.ts.
 */
import type { Translated } from '#app/core/i18n/locales'
import type { MaskedCredential } from '#app/integrations/credential_vault'

declare module '@adonisjs/inertia/types' {
  interface InertiaPages {
    'cabinet/provider_calls': {
      calls: Array<{
        id: number
        at: string
        provider: string
        operation: string
        method: string
        url: string
        status: number | null
        outcome: string
        attempt: number
        durationMs: number
        request: string | null
        response: string | null
      }>
    }
    'cabinet/integrations': {
      providers: Array<{
        key: string
        label: Translated
        fields: Array<{
          name: string
          label: Translated
          kind: string
          required: boolean
          choices: string[]
          placeholder: string
        }>
        own: MaskedCredential | null
        mappings: Array<{
          dictionary: string
          entries: Array<{ code: string; label: Translated; external: string }>
        }>
        inheritedFrom: string | null
      }>
      reauthenticated: boolean
      isSubAgent: boolean
      mailFallback: { own: boolean | null; effective: boolean }
    }
  }
}
