/*
 * The props each Inertia page receives from its controller (shared props come from
 * app/middleware/inertia_middleware.ts). Declaring them here makes `inertia.render()`
 * check the page name and its props at compile time.
 */
import type { Translated } from '#tenants/types'
import type { TenantDetails, TreeNode } from '#platform/queries/console_queries'
import type { GrantableRow, PackageRow, SubAgentRow } from '#access/queries/sub_agents'
import type { InvitationRow, NetworkPersonRow, PersonRow, RoleRow } from '#access/queries/people'
import type { AuditRowProps } from '#access/queries/audit'
import type { ClientDetail } from '#clients/queries/client_detail'
import type { ModuleRow } from '#platform/queries/module_rows'
import type { LinkRequestRow } from '#clients/queries/link_requests'
import type { ClientListRow } from '#clients/queries/client_list'
import type { Audience, MenuNode } from '#menus/menu_tree'
import type { Locale } from '#tenants/types'
import type { MaskedCredential } from '#integrations/credential_vault'
import type { InboxItem } from '#notifications/inbox'
import type { HistoryRow } from '#notifications/history'
import type { PreferenceRow } from '#notifications/preferences'

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
    'auth/login': { throttled: string | null; email: string | null }
    'auth/forgot_password': Record<string, never>
    'auth/reset_password': { token: string }
    'auth/register': { types: string[] }
    'auth/two_factor': Record<string, never>
    'account/two_factor_setup': { uri: string; secret: string; qrSvg: string }
    'account/recovery_codes': { codes: string[] }
    'auth/register_verify': { phone: string }
    'auth/invitation': {
      token: string
      invitation: {
        email: string
        fullName: string
        audience: 'staff' | 'client'
        companyName: string | null
      } | null
    }
    'portal/home': {
      profile: ProfileProps
      company: ClientDetail | null
    }
    'cabinet/home': {
      profile: ProfileProps
      dictionaries: DictionaryEntryProps[]
    }
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
    'cabinet/job_failures': {
      failures: Array<{
        id: number
        queue: string
        error: string
        attempts: number
        payload: string
        failedAt: string
        retriedAt: string | null
      }>
    }
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
    'cabinet/sub_agents': {
      subAgents: SubAgentRow[]
      modules: Record<number, ModuleRow[]>
      packages: PackageRow[]
      grantable: GrantableRow[]
      can: { packages: boolean }
    }
    'console/permissions': {
      modules: Array<{
        key: string
        label: Translated
        dependsOn: string[]
        permissions: Array<{ key: string; label: Translated; scopes: string[] }>
      }>
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
    'cabinet/clients': {
      clients: Array<ClientListRow & { tenant: string | null }>
      next: string | null
      scope: 'own' | 'subtree'
      types: string[]
      can: { manage: boolean; subtree: boolean }
    }
    'cabinet/client': {
      client: ClientDetail
      members: Array<{
        userId: number
        fullName: string
        email: string
        status: string
        roleId: number
      }>
      roles: Array<{ id: number; name: Translated }>
      can: { manageMembers: boolean }
    }
    'cabinet/impersonate': {
      tenants: Array<{ id: number; name: string; depth: number }>
      tenantId: number
      people: Array<{ id: number; fullName: string; email: string; audience: 'staff' | 'client' }>
    }
    'cabinet/mail_log': {
      rows: Array<{
        id: number
        kind: string | null
        to: string
        subject: string
        status: 'sent' | 'failed'
        error: string | null
        at: string
      }>
    }
    'cabinet/notifications_history': { rows: HistoryRow[]; more: boolean }
    'notifications/index': {
      items: InboxItem[]
      more: boolean
      unreadOnly: boolean
      unread: number
    }
    'account/notifications': { preferences: PreferenceRow[] }
    'cabinet/requests': {
      requests: LinkRequestRow[]
      roles: Array<{ id: number; name: Translated }>
    }
    'portal/profile': {
      profile: ProfileProps
      companies: Array<{ id: number; name: string; role: Translated | null }>
      types: string[]
      pendingRequests: number
    }
    'account/show': {
      profile: {
        fullName: string
        email: string
        emailVerified: boolean
        phone: string | null
        phoneVerified: boolean
        audience: 'staff' | 'client'
      }
      sessions: Array<{
        id: string
        ip: string | null
        userAgent: string | null
        createdAt: string
        lastSeenAt: string
        current: boolean
      }>
      twoFactor: { enabled: boolean; required: boolean }
      reauthenticated: boolean
      impersonating: boolean
    }
    'console/tenants': { tree: TreeNode[]; kinds: string[]; can: { manage: boolean } }
    'console/tenant': TenantDetails & {
      modules: ModuleRow[]
      can: { manage: boolean; brand: boolean; domains: boolean }
    }
  }
}
