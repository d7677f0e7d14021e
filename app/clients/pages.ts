/*
 * The props of this module's Inertia pages: `inertia.render()` checks the page name and its
 * props at compile time. Shared props come from app/middleware/inertia_middleware.ts.
 */
import type { ClientDetail } from '#app/clients/queries/client_detail'
import type { ClientListRow } from '#app/clients/queries/client_list'
import type { LinkRequestRow } from '#app/clients/queries/link_requests'
import type { Translated } from '#app/core/i18n/locales'

declare module '@adonisjs/inertia/types' {
  interface InertiaPages {
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
    'cabinet/link_requests': {
      requests: LinkRequestRow[]
      roles: Array<{ id: number; name: Translated }>
    }
  }
}
