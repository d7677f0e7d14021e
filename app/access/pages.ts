/*
 * The props of this module's Inertia pages: `inertia.render()` checks the page name and its
 * props at compile time. Shared props come from app/middleware/inertia_middleware.ts.
 */
import type { AuditRowProps } from '#app/access/queries/audit'
import type {
  InvitationRow,
  NetworkPersonRow,
  PersonRow,
  RoleRow,
} from '#app/access/queries/people'
import type { GrantableRow, PackageRow, SubAgentRow } from '#app/access/queries/sub_agents'
import type { ModuleRow } from '#app/platform/queries/module_rows'

declare module '@adonisjs/inertia/types' {
  interface InertiaPages {
    'cabinet/sub_agents': {
      subAgents: SubAgentRow[]
      modules: Record<number, ModuleRow[]>
      packages: PackageRow[]
      grantable: GrantableRow[]
      can: { packages: boolean }
    }
    'cabinet/people': {
      people: PersonRow[]
      roles: RoleRow[]
      invitations: InvitationRow[]
      security: { staffTwoFactorRequired: boolean; staffIpRanges: string; currentIp: string }
      scope: 'own' | 'subtree'
      network: Array<NetworkPersonRow & { tenant: string }>
      grantable: GrantableRow[]
      can: { roles: boolean; subtree: boolean }
    }
    'cabinet/audit': {
      rows: Array<AuditRowProps & { tenant: string }>
      scope: 'own' | 'subtree'
      canSubtree: boolean
      hasMore: boolean
      actions: string[]
      page: number
      filters: { action: string; from: string; to: string }
    }
    'cabinet/impersonate': {
      tenants: Array<{ id: number; name: string; depth: number }>
      tenantId: number
      people: Array<{ id: number; fullName: string; email: string; audience: 'staff' | 'client' }>
    }
  }
}
