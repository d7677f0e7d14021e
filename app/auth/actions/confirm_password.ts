/*
 * Step-up: the signed-in person types their password again, throttled like sign-in (the same
 * pairs and slow lanes), so a stolen session cannot guess it. The caller marks the session
 * reauthenticated on success and audits every outcome.
 */
import hash from '@adonisjs/core/services/hash'
import type User from '#app/auth/models/user'
import { passwordAccount, passwordThrottle } from '#app/auth/login_throttle'
import { secretChecked } from '#app/auth/secret_checks'

export type PasswordConfirmation =
  | { ok: true }
  | { ok: false; error: 'throttled'; retryAfterSeconds: number }
  | { ok: false; error: 'wrong_password' }

export class ConfirmPassword {
  async handle(
    tenantId: number,
    user: User,
    password: string,
    ip: string
  ): Promise<PasswordConfirmation> {
    const account = passwordAccount(tenantId, user.email)
    const admission = await passwordThrottle.admit(account, ip)
    if (!admission.admitted) {
      return { ok: false, error: 'throttled', retryAfterSeconds: admission.retryAfterSeconds }
    }
    secretChecked({ kind: 'password', userId: user.id })
    if (!(await hash.verify(user.password, password))) {
      await passwordThrottle.failed(account, ip)
      return { ok: false, error: 'wrong_password' }
    }
    await passwordThrottle.succeeded(account, ip)
    return { ok: true }
  }
}
