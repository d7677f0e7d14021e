/*
 * The props of this module's Inertia pages: `inertia.render()` checks the page name and its
 * props at compile time. Shared props come from app/middleware/inertia_middleware.ts.
 */

export {}

declare module '@adonisjs/inertia/types' {
  interface InertiaPages {
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
  }
}
