/*
 * A person's own credentials: confirm the password (step-up), change it, change the e-mail.
 * Every change is refused while impersonating (the controller checks) and audited by the caller.
 */
import hash from '@adonisjs/core/services/hash'
import { DateTime } from 'luxon'
import User from '#app/auth/models/user'
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

export type EmailChange =
  { ok: true; before: string } | { ok: false; error: 'email_taken' | 'same_email' }

export class ChangeEmail {
  async handle(user: User, email: string): Promise<EmailChange> {
    if (email.toLowerCase() === user.email.toLowerCase()) return { ok: false, error: 'same_email' }
    const taken = await User.query().where('email', email).whereNot('id', user.id).first()
    if (taken) return { ok: false, error: 'email_taken' }
    const before = user.email
    user.email = email
    // The new address is unconfirmed until its owner follows the confirmation link.
    user.emailVerifiedAt = null
    await user.save()
    return { ok: true, before }
  }
}
