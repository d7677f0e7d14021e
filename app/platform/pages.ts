/*
 * The props of this module's Inertia pages: `inertia.render()` checks the page name and its
 * props at compile time. Shared props come from app/middleware/inertia_middleware.ts.
 */
import type { Translated } from '#app/core/i18n/locales'
import type { TenantDetails, TreeNode } from '#app/platform/queries/console_queries'
import type { ModuleRow } from '#app/platform/queries/module_rows'

declare module '@adonisjs/inertia/types' {
  interface InertiaPages {
    'console/permissions': {
      modules: Array<{
        key: string
        label: Translated
        dependsOn: string[]
        permissions: Array<{ key: string; label: Translated; scopes: string[] }>
      }>
    }
    'console/tenants': { tree: TreeNode[]; kinds: string[]; can: { manage: boolean } }
    'console/tenant': TenantDetails & {
      modules: ModuleRow[]
      can: { manage: boolean; brand: boolean; domains: boolean }
    }
  }
}
