/*
 * The props of this module's Inertia pages, written once: queries and transformers return these
 * shapes, `inertia.render()` checks them (InertiaPages below) and each page's `defineProps`
 * imports its type from here. Types only — a page imports this file, so it imports nothing but
 * other modules' pages.ts and app/core/i18n/locales.ts (node ace modules:check). Shared props
 * come from app/middleware/inertia_middleware.ts.
 */

/** What pages format with (app/tenancy/shared_props.ts). */
export type TenantSharedProps = {
  slug: string
  isPlatform: boolean
  timeZone: string
  calendar: 'gregory' | 'persian'
  currency: string
}

declare module '#app/core/http/page_props' {
  interface ModuleSharedProps {
    tenant: TenantSharedProps
  }
}
