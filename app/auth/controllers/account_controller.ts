import type { HttpContext } from '@adonisjs/core/http'
import hash from '@adonisjs/core/services/hash'
import { acceptForm, refuseForm } from '#app/core/http/form_outcome'
import { validateTranslated } from '#app/core/http/validation'
import { notFound } from '#app/core/http/params'
import { wantsJson } from '#app/core/http/wants_json'
import { recordAudit, recordAuditDurably } from '#app/audit/audit'
import { translatorFor } from '#app/core/i18n/request_locale'
import { ChangeEmail, ChangePassword } from '#app/auth/actions/manage_account'
import { passwordAccount, passwordThrottle } from '#app/auth/login_throttle'
import { throttledText } from '#app/auth/throttled_message'
import { secretChecked } from '#app/auth/secret_checks'
import { sendPhoneCode } from '#app/auth/phone_codes'
import { confirmPhone, sendEmailConfirmation } from '#app/auth/actions/register'
import { phoneCodeValidator } from '#app/auth/validators/registration'
import {
  changePhoneValidator,
  changeEmailValidator,
  changePasswordValidator,
  confirmPasswordValidator,
} from '#app/auth/validators/account'
import {
  isImpersonating,
  markReauthenticated,
  recentlyReauthenticated,
  refuseWhileImpersonating,
  requireRecentAuth,
} from '#app/auth/step_up'
import {
  currentSessionRef,
  revokeAllSessions,
  revokeSession,
  sessionsOf,
} from '#app/auth/user_sessions'
import type User from '#app/auth/models/user'

/*
 * The signed-in person's own account, for staff and clients alike: sessions, password, e-mail.
 * Routes declare `self` access: nobody acts on another account here.
 */
export default class AccountController {
  async show(ctx: HttpContext) {
    const user = ctx.auth.use('web').user as User
    const current = currentSessionRef(ctx)
    return ctx.inertia.render('auth/account/show', {
      profile: {
        fullName: user.fullName,
        email: user.email,
        emailVerified: user.emailVerifiedAt !== null,
        phone: user.phone,
        phoneVerified: user.phoneVerifiedAt !== null,
        audience: user.audience,
      },
      sessions: (await sessionsOf(user.id)).map((session) => ({
        ...session,
        current: session.id === current,
      })),
      twoFactor: {
        enabled: user.totpEnabledAt !== null,
        required: user.audience === 'staff' && ctx.tenant.staffTwoFactorRequired,
      },
      reauthenticated: recentlyReauthenticated(ctx),
      impersonating: isImpersonating(ctx),
    })
  }

  /** Step-up: the password again, throttled like sign-in. */
  async confirmPassword(ctx: HttpContext) {
    refuseWhileImpersonating(ctx)
    const user = ctx.auth.use('web').user as User
    const { password } = await validateTranslated(ctx, confirmPasswordValidator)
    const ip = ctx.request.ip()
    const account = passwordAccount(ctx.tenant.id, user.email)
    const admission = await passwordThrottle.admit(account, ip)
    if (!admission.admitted) {
      recordAuditDurably(ctx, { action: 'auth.reauth_throttled', subjectId: user.id })
      ctx.response.header('Retry-After', String(admission.retryAfterSeconds))
      const text = throttledText('ui.auth.throttled', admission.retryAfterSeconds)
      return refuseForm(ctx, 'password', text.key, text.params, 429)
    }
    secretChecked({ kind: 'password', userId: user.id })
    if (!(await hash.verify(user.password, password))) {
      await passwordThrottle.failed(account, ip)
      recordAuditDurably(ctx, { action: 'auth.reauth_failed', subjectId: user.id })
      return refuseForm(ctx, 'password', 'ui.account.errors.wrong_password')
    }
    await passwordThrottle.succeeded(account, ip)
    markReauthenticated(ctx)
    await recordAudit(ctx, {
      action: 'auth.reauthenticated',
      subjectType: 'user',
      subjectId: user.id,
    })
    return acceptForm(ctx, '/account', 'ui.account.confirmed')
  }

  async changePassword(ctx: HttpContext) {
    refuseWhileImpersonating(ctx)
    const user = ctx.auth.use('web').user as User
    const input = await validateTranslated(ctx, changePasswordValidator)
    const result = await new ChangePassword().handle(
      user,
      {
        currentPassword: input.currentPassword,
        password: input.password,
        endOtherSessions: input.endOtherSessions ?? false,
      },
      currentSessionRef(ctx)
    )
    if (!result.ok) {
      if (result.error === 'wrong_password') {
        recordAuditDurably(ctx, { action: 'auth.password_change_failed', subjectId: user.id })
      }
      return refuseForm(ctx, result.field, `ui.account.errors.${result.error}`)
    }
    await recordAudit(ctx, {
      action: 'auth.password_changed',
      subjectType: 'user',
      subjectId: user.id,
      after: { endedSessions: result.endedSessions },
    })
    return acceptForm(ctx, '/account', 'ui.account.password_changed', {
      endedSessions: result.endedSessions,
    })
  }

  async changeEmail(ctx: HttpContext) {
    requireRecentAuth(ctx)
    const user = ctx.auth.use('web').user as User
    const { email } = await validateTranslated(ctx, changeEmailValidator)
    const result = await new ChangeEmail().handle(user, email)
    if (!result.ok) return refuseForm(ctx, 'email', `ui.account.errors.${result.error}`)
    // The new address is confirmed by a link sent to it (the page says so).
    await sendEmailConfirmation(ctx.tenant, user)
    await recordAudit(ctx, {
      action: 'auth.email_changed',
      subjectType: 'user',
      subjectId: user.id,
      before: { email: result.before },
      after: { email },
    })
    return acceptForm(ctx, '/account', 'ui.account.email_changed')
  }

  /** A new mobile number: after a step-up, unconfirmed until its SMS code comes back. */
  async changePhone(ctx: HttpContext) {
    requireRecentAuth(ctx)
    const user = ctx.auth.use('web').user as User
    const { phone } = await validateTranslated(ctx, changePhoneValidator)
    const before = user.phone
    user.phone = phone
    user.phoneVerifiedAt = null
    await user.save()
    await sendPhoneCode(user, ctx.tenant)
    await recordAudit(ctx, {
      action: 'auth.phone_changed',
      subjectType: 'user',
      subjectId: user.id,
      before: { phone: before },
      after: { phone },
    })
    return acceptForm(ctx, '/account', 'ui.account.phone_code_sent')
  }

  async confirmPhone(ctx: HttpContext) {
    refuseWhileImpersonating(ctx)
    const user = ctx.auth.use('web').user as User
    const { code } = await validateTranslated(ctx, phoneCodeValidator)
    const result = await confirmPhone(user.id, code)
    if (result !== 'ok') {
      recordAuditDurably(ctx, { action: 'auth.phone_code_failed', subjectId: user.id })
      return refuseForm(ctx, 'code', `ui.register.errors.code_${result}`)
    }
    await recordAudit(ctx, {
      action: 'auth.phone_confirmed',
      subjectType: 'user',
      subjectId: user.id,
    })
    return acceptForm(ctx, '/account', 'ui.account.phone_confirmed')
  }

  /* An impersonator never ends the real person's sessions (they end their own with the banner). */
  async endSession(ctx: HttpContext) {
    refuseWhileImpersonating(ctx)
    const user = ctx.auth.use('web').user as User
    const ref = String(ctx.params.ref ?? '')
    if (!(await revokeSession(user.id, ref))) throw notFound()
    await recordAudit(ctx, {
      action: 'auth.session_ended',
      subjectType: 'user',
      subjectId: user.id,
    })
    // Ending the session in use is signing out.
    if (ref === currentSessionRef(ctx)) {
      await ctx.auth.use('web').logout()
      ctx.session.clear()
      if (wantsJson(ctx)) return ctx.response.ok({ ok: true, redirect: '/login' })
      return ctx.response.redirect('/login')
    }
    return acceptForm(ctx, '/account', 'ui.account.session_ended')
  }

  async endOtherSessions(ctx: HttpContext) {
    refuseWhileImpersonating(ctx)
    const user = ctx.auth.use('web').user as User
    const ended = await revokeAllSessions(user.id, currentSessionRef(ctx))
    await recordAudit(ctx, {
      action: 'auth.other_sessions_ended',
      subjectType: 'user',
      subjectId: user.id,
      after: { ended },
    })
    if (wantsJson(ctx)) return ctx.response.ok({ ok: true, ended })
    ctx.session.flash('notice', translatorFor(ctx).t('ui.account.others_ended', { count: ended }))
    return ctx.response.redirect('/account')
  }
}
