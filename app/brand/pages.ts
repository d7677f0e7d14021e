/*
 * The props of this module's Inertia pages, written once: queries and transformers return these
 * shapes, `inertia.render()` checks them (InertiaPages below) and each page's `defineProps`
 * imports its type from here. Types only — a page imports this file, so it imports nothing but
 * other modules' pages.ts and app/core/i18n/locales.ts (node ace modules:check). Shared props
 * come from app/middleware/inertia_middleware.ts.
 */

/** The brand every page is drawn in (a shared prop), with its asset URLs. */
export type PublicBrand = {
  name: string
  primaryColor: string
  accentColor: string
  radius: string
  font: string
  supportEmail: string | null
  supportPhone: string | null
  legalFooter: string | null
  logoLightUrl: string | null
  logoDarkUrl: string | null
  faviconUrl: string | null
}

declare module '#app/core/http/page_props' {
  interface ModuleSharedProps {
    brand: PublicBrand
  }
}
