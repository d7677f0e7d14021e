/*
 * The props of this module's Inertia pages, written once: queries and transformers return these
 * shapes, `inertia.render()` checks them (InertiaPages below) and each page's `defineProps`
 * imports its type from here. Types only — a page imports this file, so it imports nothing but
 * other modules' pages.ts and app/core/i18n/locales.ts (node ace modules:check). Shared props
 * come from app/middleware/inertia_middleware.ts.
 */
import type {} from '@adonisjs/inertia/types'

export type FailuresIndexProps = {
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

declare module '@adonisjs/inertia/types' {
  interface InertiaPages {
    'jobs/failures/index': FailuresIndexProps
  }
}
