/*
 * Self-registration on a tenant's portal (as in the logistics portal): a person, the company
 * it acts for, an e-mail confirmed by link and a phone confirmed by code. The account is
 * `pending` until both are confirmed, then active but linked to no company until the tenant's
 * staff check the request and link it (app/clients/actions/decide_link_request.ts).
 *
 * An e-mail that already has an account gets the same answer (SECURITY A4) and a mail to its
 * owner instead of a second account.
 */
import { urlFor } from '@adonisjs/core/services/url_builder'
import { notifyLinkRequested } from '#app/clients/link_request_notice'
import hash from '@adonisjs/core/services/hash'
import { DateTime } from 'luxon'
import User from '#app/auth/models/user'
import { issueToken, findUsableToken, spendToken } from '#app/auth/tokens'
import { passwordProblem, type PasswordProblem } from '#app/auth/password_policy'
import { checkPhoneCode, sendPhoneCode } from '#app/auth/phone_codes'
import { queueAccountMail } from '#app/mail/account_mail'
import type { ResolvedTenant } from '#app/tenancy/tenant_registry'
import type { Locale } from '#app/core/i18n/locales'
import LinkRequest from '#app/clients/models/link_request'

export interface RegistrationInput {
  fullName: string
  email: string
  phone: string
  password: string
  locale: Locale
  company: Record<string, string | undefined>
}

export type RegistrationResult =
  { ok: true; userId: number | null } | { ok: false; field: 'password'; error: PasswordProblem }

export class Register {
  async handle(tenant: ResolvedTenant, input: RegistrationInput): Promise<RegistrationResult> {
    const problem = await passwordProblem(input.password, { email: input.email })
    if (problem) return { ok: false, field: 'password', error: problem }
    const existing = await User.query().where('email', input.email).first()
    if (existing) {
      // Same answer, same cost: hash as a new account would.
      await hash.make(input.password)
      queueAccountMail(tenant, 'registration_exists', existing, { path: urlFor('auth.forgot') })
      return { ok: true, userId: null }
    }
    const user = await User.create({
      email: input.email,
      password: await hash.make(input.password),
      fullName: input.fullName,
      audience: 'client',
      status: 'pending',
      phone: input.phone,
      locale: input.locale,
    })
    await LinkRequest.create({
      userId: user.id,
      company: input.company as Record<string, string>,
      status: 'pending',
    })
    await sendEmailConfirmation(tenant, user)
    await sendPhoneCode(user, tenant)
    return { ok: true, userId: user.id }
  }
}

export async function sendEmailConfirmation(tenant: ResolvedTenant, user: User) {
  const { token } = await issueToken('email_confirmation', { userId: user.id, email: user.email })
  queueAccountMail(tenant, 'email_confirmation', user, { path: `/confirm-email/${token}` })
}

/**
 * Active once both the e-mail and the phone are confirmed; then staff can decide the person's
 * request, and are told of it.
 */
async function activateWhenConfirmed(user: User) {
  const activated = user.status === 'pending' && !!user.emailVerifiedAt && !!user.phoneVerifiedAt
  if (activated) user.status = 'active'
  await user.save()
  if (!activated) return
  const requests = await LinkRequest.query()
    .where({ user_id: user.id, status: 'pending' })
    .select('company')
  for (const request of requests) {
    await notifyLinkRequested(user.fullName, String(request.company?.name ?? ''))
  }
}

export async function confirmEmail(token: string): Promise<User | null> {
  const row = await findUsableToken('email_confirmation', token)
  const user = row?.userId ? await User.query().where('id', row.userId).first() : null
  // The address must still be the one the link was sent to.
  if (!row || !user || user.email !== row.email || user.status === 'disabled') return null
  user.emailVerifiedAt = DateTime.now()
  await activateWhenConfirmed(user)
  await spendToken(row.id)
  return user
}

export async function confirmPhone(
  userId: number,
  code: string
): Promise<'ok' | 'wrong' | 'expired'> {
  const user = await User.query().where('id', userId).first()
  if (!user || !user.phone || user.status === 'disabled') return 'expired'
  const result = await checkPhoneCode(user.id, code)
  if (result !== 'ok') return result
  user.phoneVerifiedAt = DateTime.now()
  await activateWhenConfirmed(user)
  return 'ok'
}
