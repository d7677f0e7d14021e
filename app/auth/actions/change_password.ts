/*
 * A person's own password: the current one first, the new one under the password policy, and
 * the other sessions ended if they ask. Refused while impersonating (the controller checks) and
 * audited by the caller.
 */
import hash from '@adonisjs/core/services/hash'
import { DateTime } from 'luxon'
import type User from '#app/auth/models/user'
import { passwordProblem, type PasswordProblem } from '#app/auth/password_policy'
import { revokeAllSessions } from '#app/auth/user_sessions'

export type PasswordChange =
  | { ok: true; endedSessions: number }
  | { ok: false; field: 'currentPassword' | 'password'; error: 'wrong_password' | PasswordProblem }

export class ChangePassword {
  async handle(
    user: User,
    input: { currentPassword: string; password: string; endOtherSessions: boolean },
    currentSessionRef: string | null
  ): Promise<PasswordChange> {
    if (!(await hash.verify(user.password, input.currentPassword))) {
      return { ok: false, field: 'currentPassword', error: 'wrong_password' }
    }
    const problem = await passwordProblem(input.password, { email: user.email })
    if (problem) return { ok: false, field: 'password', error: problem }
    user.password = await hash.make(input.password)
    user.passwordChangedAt = DateTime.now()
    await user.save()
    // ASVS 7.4.3: offer to end the other sessions; the one asking stays signed in.
    const endedSessions = input.endOtherSessions
      ? await revokeAllSessions(user.id, currentSessionRef)
      : 0
    return { ok: true, endedSessions }
  }
}
