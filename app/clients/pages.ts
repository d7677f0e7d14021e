/*
 * The props of this module's Inertia pages, written once: queries and transformers return these
 * shapes, `inertia.render()` checks them (InertiaPages below) and each page's `defineProps`
 * imports its type from here. Types only — a page imports this file, so it imports nothing but
 * other modules' pages.ts and app/core/i18n/locales.ts (node ace modules:check). Shared props
 * come from app/middleware/inertia_middleware.ts.
 */
import type {} from '@adonisjs/inertia/types'
import type { Translated } from '#app/core/i18n/locales'

export type ClientListRow = {
  id: number
  tenantId: number
  type: string
  name: string
  identifiers: string
}

export type ClientDetail = {
  id: number
  type: string
  name: string
  identifiers: Array<{ key: string; value: string }>
}

export type LinkRequestRow = {
  id: number
  createdAt: string
  person: {
    id: number
    fullName: string
    email: string
    phone: string | null
    emailVerified: boolean
    phoneVerified: boolean
    status: string
  }
  company: Record<string, string>
  /** An existing client with the same INN / national id / legal id. */
  match: { id: number; name: string } | null
}

export type RoleChoice = { id: number; name: Translated }

export type ClientsIndexProps = {
  clients: Array<ClientListRow & { tenant: string | null }>
  next: string | null
  scope: 'own' | 'subtree'
  types: string[]
  can: { manage: boolean; subtree: boolean }
}

export type ClientsShowProps = {
  client: ClientDetail
  members: Array<{
    userId: number
    fullName: string
    email: string
    status: string
    roleId: number
  }>
  roles: RoleChoice[]
  can: { manageMembers: boolean }
}

export type LinkRequestsIndexProps = {
  requests: LinkRequestRow[]
  roles: RoleChoice[]
}

declare module '@adonisjs/inertia/types' {
  interface InertiaPages {
    'clients/clients/index': ClientsIndexProps
    'clients/clients/show': ClientsShowProps
    'clients/link_requests/index': LinkRequestsIndexProps
  }
}
