/*
 * The props of this module's Inertia pages, written once: queries and transformers return these
 * shapes, `inertia.render()` checks them (InertiaPages below) and each page's `defineProps`
 * imports its type from here. Types only — a page imports this file, so it imports nothing but
 * other modules' pages.ts and app/core/i18n/locales.ts (node ace modules:check). Shared props
 * come from app/middleware/inertia_middleware.ts.
 */
import type {} from '@adonisjs/inertia/types'

// A type alias, not an interface: page props must be assignable to a JSON record.
export type ProfileProps = {
  fullName: string
  email: string
  lastLoginAt: string | null
}

export type SessionCreateProps = { throttled: string | null; email: string | null }

export type PasswordResetRequestProps = Record<string, never>

export type PasswordResetResetProps = { token: string }

export type RegistrationCreateProps = { types: string[] }

export type TwoFactorChallengeProps = Record<string, never>

export type TwoFactorSetupProps = { uri: string; secret: string; qrSvg: string }

export type RecoveryCodesShowProps = { codes: string[] }

export type RegistrationVerifyProps = { phone: string }

export type InvitationsShowProps = {
  token: string
  invitation: {
    email: string
    fullName: string
    audience: 'staff' | 'client'
    companyName: string | null
  } | null
}

export type AccountProfile = {
  fullName: string
  email: string
  emailVerified: boolean
  phone: string | null
  phoneVerified: boolean
  audience: 'staff' | 'client'
}

/** One signed-in browser of the person (a session row). */
export type AccountSession = {
  id: string
  ip: string | null
  userAgent: string | null
  createdAt: string
  lastSeenAt: string
  current: boolean
}

export type TwoFactorState = { enabled: boolean; required: boolean }

export type AccountShowProps = {
  profile: AccountProfile
  sessions: AccountSession[]
  twoFactor: TwoFactorState
  reauthenticated: boolean
  impersonating: boolean
}

declare module '@adonisjs/inertia/types' {
  interface InertiaPages {
    'auth/session/create': SessionCreateProps
    'auth/password_reset/request': PasswordResetRequestProps
    'auth/password_reset/reset': PasswordResetResetProps
    'auth/registration/create': RegistrationCreateProps
    'auth/two_factor/challenge': TwoFactorChallengeProps
    'auth/two_factor/setup': TwoFactorSetupProps
    'auth/recovery_codes/show': RecoveryCodesShowProps
    'auth/registration/verify': RegistrationVerifyProps
    'auth/invitations/show': InvitationsShowProps
    'auth/account/show': AccountShowProps
  }
}

/** The signed-in person on every page (app/auth/shared_props.ts). */
export type SignedInUser = {
  id: number
  fullName: string
  email: string
  audience: 'staff' | 'client'
}

declare module '#app/core/http/page_props' {
  interface ModuleSharedProps {
    user: SignedInUser | null
    /** Set while someone impersonates the signed-in person: the banner shows it. */
    impersonation: { byName: string } | null
  }
}
