/*
 * The props of this module's Inertia pages, written once: queries and transformers return these
 * shapes, `inertia.render()` checks them (InertiaPages below) and each page's `defineProps`
 * imports its type from here. Types only — a page imports this file, so it imports nothing but
 * other modules' pages.ts and app/core/i18n/locales.ts (node ace modules:check). Shared props
 * come from app/middleware/inertia_middleware.ts.
 */
import type {} from '@adonisjs/inertia/types'
import type { Translated } from '#app/core/i18n/locales'

export type MaskedCredential = {
  id: number
  tenantId: number
  settings: Record<string, string | number>
  secrets: Record<string, { configured: boolean }>
  shareWithSubagents: boolean
  updatedAt: string
  health: {
    checkedAt: string | null
    successAt: string | null
    errorAt: string | null
    error: string | null
  }
}

export type ProviderCallsIndexProps = {
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

/** A setting or secret a provider asks for (app/integrations/provider_type.ts). */
export type ProviderField = {
  name: string
  label: Translated
  kind: string
  required: boolean
  choices: string[]
  placeholder: string
}

/** A provider on the integrations page: its fields, this tenant's connection, its mappings. */
export type ProviderRow = {
  key: string
  label: Translated
  fields: ProviderField[]
  own: MaskedCredential | null
  mappings: Array<{
    dictionary: string
    entries: Array<{ code: string; label: Translated; external: string }>
  }>
  inheritedFrom: string | null
}

/** Whether mail falls back to the platform's sender: this tenant's choice, and what applies. */
export type MailFallback = { own: boolean | null; effective: boolean }

export type CredentialsIndexProps = {
  providers: ProviderRow[]
  reauthenticated: boolean
  isSubAgent: boolean
  mailFallback: MailFallback
}

declare module '@adonisjs/inertia/types' {
  interface InertiaPages {
    'integrations/provider_calls/index': ProviderCallsIndexProps
    'integrations/credentials/index': CredentialsIndexProps
  }
}
