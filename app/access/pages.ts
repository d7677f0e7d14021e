/*
 * The props of this module's Inertia pages, written once: queries and transformers return these
 * shapes, `inertia.render()` checks them (InertiaPages below) and each page's `defineProps`
 * imports its type from here. Types only — a page imports this file, so it imports nothing but
 * other modules' pages.ts and app/core/i18n/locales.ts (node ace modules:check). Shared props
 * come from app/middleware/inertia_middleware.ts.
 */
import type {} from '@adonisjs/inertia/types'
import type { Translated } from '#app/core/i18n/locales'
import type { ModuleRow } from '#app/platform/pages'

export type AuditRowProps = {
  id: number
  at: string
  action: string
  actor: string | null
  subject: string | null
  ip: string | null
  details: string | null
  /** Each changed key with its value before and after (both JSON). */
  changes: Array<{ key: string; before: string | null; after: string | null }>
  tenantId: number
  impersonated: boolean
}

export type InvitationRow = {
  id: number
  email: string
  fullName: string
  audience: 'staff' | 'client'
  roleId: number | null
  clientName: string | null
  expiresAt: string
}

export type NetworkPersonRow = {
  id: number
  tenantId: number
  fullName: string
  email: string
  audience: 'staff' | 'client'
  status: 'active' | 'disabled' | 'pending'
}

export type PersonRow = {
  id: number
  fullName: string
  email: string
  audience: 'staff' | 'client'
  status: 'active' | 'disabled' | 'pending'
  roleIds: number[]
}

export type RoleRow = {
  id: number
  name: Translated
  audience: 'staff' | 'client'
  permissions: string[]
}

export type GrantableRow = {
  key: string
  module: string
  label: Translated
  /** In a staff role or a package: the actor holds it. */
  staff: boolean
  /** In a client role or a package: client-scoped and inside the ceiling (ADR 0008). */
  client: boolean
  /** The actor may give it with the `subtree` scope. */
  subtree: boolean
}

export type PackageRow = { id: number; name: string; permissions: string[]; tenants: number }

export type SubAgentRow = {
  id: number
  parentId: number | null
  depth: number
  slug: string
  name: string
  status: string
  packageName: string | null
}

export type SubAgentsIndexProps = {
  subAgents: SubAgentRow[]
  modules: Record<number, ModuleRow[]>
  packages: PackageRow[]
  grantable: GrantableRow[]
  can: { packages: boolean }
}

/** The tenant's rules for its staff, and the address the reader signs in from. */
export type StaffSecurity = {
  staffTwoFactorRequired: boolean
  staffIpRanges: string
  currentIp: string
}

/** A person of the subtree, with the name of their tenant. */
export type NetworkPeopleRow = NetworkPersonRow & { tenant: string }

export type PeopleIndexProps = {
  people: PersonRow[]
  roles: RoleRow[]
  invitations: InvitationRow[]
  security: StaffSecurity
  scope: 'own' | 'subtree'
  network: NetworkPeopleRow[]
  grantable: GrantableRow[]
  can: { roles: boolean; subtree: boolean }
}

export type AuditIndexProps = {
  rows: Array<AuditRowProps & { tenant: string }>
  scope: 'own' | 'subtree'
  canSubtree: boolean
  hasMore: boolean
  actions: string[]
  page: number
  filters: { action: string; from: string; to: string }
}

export type ImpersonationsCreateProps = {
  tenants: Array<{ id: number; name: string; depth: number }>
  tenantId: number
  people: Array<{ id: number; fullName: string; email: string; audience: 'staff' | 'client' }>
}

declare module '@adonisjs/inertia/types' {
  interface InertiaPages {
    'access/sub_agents/index': SubAgentsIndexProps
    'access/people/index': PeopleIndexProps
    'access/audit/index': AuditIndexProps
    'access/impersonations/create': ImpersonationsCreateProps
  }
}

/** A client user's companies and the one it acts for now (app/access/shared_props.ts). */
export type Holding = { companies: Array<{ id: number; name: string }>; activeId: number | null }

declare module '#app/core/http/page_props' {
  interface ModuleSharedProps {
    /** Null for staff. */
    holding: Holding | null
  }
}
