import type User from '#app/auth/models/user'
import type { ProfileProps } from '#app/auth/pages'
export type { ProfileProps }

/* The signed-in person as the home pages greet them. */
export function profileOf(user: User): ProfileProps {
  return {
    fullName: user.fullName,
    email: user.email,
    lastLoginAt: user.lastLoginAt?.toISO() ?? null,
  }
}
