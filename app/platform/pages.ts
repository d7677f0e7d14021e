/*
 * The props of this module's Inertia pages, written once: queries and transformers return these
 * shapes, `inertia.render()` checks them (InertiaPages below) and each page's `defineProps`
 * imports its type from here. Types only — a page imports this file, so it imports nothing but
 * other modules' pages.ts and app/core/i18n/locales.ts (node ace modules:check). Shared props
 * come from app/middleware/inertia_middleware.ts.
 */
import type {} from '@adonisjs/inertia/types'
import type { PublicBrand } from '#app/brand/pages'
import type { Translated } from '#app/core/i18n/locales'

export type ModuleRow = { key: string; label: Translated; enabled: boolean; available: boolean }

export type TreeNode = {
  id: number
  parentId: number | null
  depth: number
  slug: string
  name: string
  /** A tenant kind (tenants/<kind>/preset.ts). */
  kind: string
  status: 'active' | 'disabled'
  primaryHost: string | null
  domainCount: number
}

export type DomainRow = {
  id: number
  hostname: string
  kind: 'platform' | 'custom'
  status: 'pending' | 'verified' | 'active' | 'disabled'
  isPrimary: boolean
  verifiedAt: string | null
  record: { name: string; value: string } | null
}

export type TenantRecord = TreeNode & {
  path: string
  locale: string
  timeZone: string
  currency: string
}

/** The tokens a tenant sets itself; a missing or null token inherits. */
export type OwnBrand = { [key: string]: string | null }

export type EffectiveBrand = PublicBrand & { mailSenderName: string }

/** Which brand images the tenant uploaded itself (the rest inherit). */
export type TenantAssets = { logoLight: boolean; logoDark: boolean; favicon: boolean }

export type TenantDetails = {
  tenant: TenantRecord
  parentName: string | null
  ownBrand: OwnBrand
  effectiveBrand: EffectiveBrand
  assets: TenantAssets
  domains: DomainRow[]
}

export type PermissionsIndexProps = {
  modules: Array<{
    key: string
    label: Translated
    dependsOn: string[]
    permissions: Array<{ key: string; label: Translated; scopes: string[] }>
  }>
}

export type TenantsIndexProps = { tree: TreeNode[]; kinds: string[]; can: { manage: boolean } }

export type TenantCan = { manage: boolean; brand: boolean; domains: boolean }

export type TenantsShowProps = TenantDetails & { modules: ModuleRow[]; can: TenantCan }

declare module '@adonisjs/inertia/types' {
  interface InertiaPages {
    'platform/permissions/index': PermissionsIndexProps
    'platform/tenants/index': TenantsIndexProps
    'platform/tenants/show': TenantsShowProps
  }
}

declare module '#app/core/http/page_props' {
  interface ModuleSharedProps {
    /** Sent once per visit: the browser keeps it across page changes (inertia/composables/route.ts). */
    routes: RouteTable
  }
}
