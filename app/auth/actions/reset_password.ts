/*
 * Forgotten passwords. Asking for a link answers the same whether the e-mail is known or not
 * (SECURITY A4); the link is a single-use token from the tenant's primary domain, valid 30
 * minutes. Setting the new password applies the policy, spends the token and ends every
 * session of the account.
 */
import { urlFor } from '@adonisjs/core/services/url_builder'
import hash from '@adonisjs/core/services/hash'
import { DateTime } from 'luxon'
import User from '#app/auth/models/user'
import { findUsableToken, issueToken, spendToken, voidTokens } from '#app/auth/tokens'
import { passwordProblem, type PasswordProblem } from '#app/auth/password_policy'
import { revokeAllSessions } from '#app/auth/user_sessions'
import { queueAccountMail } from '#app/mail/account_mail'
import type { ResolvedTenant } from '#app/tenancy/tenant_registry'

export class RequestPasswordReset {
  /** Returns the user it mailed, or null; callers answer identically either way. */
  async handle(tenant: ResolvedTenant, email: string): Promise<number | null> {
    const user = await User.query().where('email', email).first()
    if (!user || user.status === 'disabled') return null
    // One live link at a time: a new request voids the older ones.
    await voidTokens('password_reset', user.id)
    const { token } = await issueToken('password_reset', { userId: user.id, email: user.email })
    queueAccountMail(tenant, 'password_reset', user, { path: urlFor('auth.reset', { token }) })
    return user.id
  }
}

export type ResetResult =
  | { ok: true; userId: number; endedSessions: number }
  | { ok: false; field: 'token' | 'password'; error: 'invalid_token' | PasswordProblem }

export class ResetPassword {
  async handle(tenant: ResolvedTenant, token: string, password: string): Promise<ResetResult> {
    const row = await findUsableToken('password_reset', token)
    const user = row?.userId ? await User.query().where('id', row.userId).first() : null
    if (!row || !user || user.status === 'disabled' || user.email !== row.email) {
      return { ok: false, field: 'token', error: 'invalid_token' }
    }
    const problem = await passwordProblem(password, { email: user.email })
    if (problem) return { ok: false, field: 'password', error: problem }
    user.password = await hash.make(password)
    user.passwordChangedAt = DateTime.now()
    // Following the link proves the mailbox too.
    user.emailVerifiedAt ??= DateTime.now()
    await user.save()
    await spendToken(row.id)
    const endedSessions = await revokeAllSessions(user.id)
    queueAccountMail(tenant, 'password_changed', user)
    return { ok: true, userId: user.id, endedSessions }
  }
}
