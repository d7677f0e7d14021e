/*
 * The props of this module's Inertia pages: `inertia.render()` checks the page name and its
 * props at compile time. Shared props come from app/middleware/inertia_middleware.ts.
 */

export {}

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
  }
}
