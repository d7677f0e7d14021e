/*
 * The props of this module's Inertia pages: `inertia.render()` checks the page name and its
 * props at compile time. Shared props come from app/middleware/inertia_middleware.ts.
 */

export {}

declare module '@adonisjs/inertia/types' {
  interface InertiaPages {
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
  }
}
