import { urlFor } from '@adonisjs/core/services/url_builder'
import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import { validateTranslated } from '#app/core/http/validation'
import { acceptForm, refuseForm } from '#app/core/http/form_outcome'
import { recordAuditDurably } from '#app/audit/audit'
import { completeSignIn } from '#app/auth/complete_sign_in'
import { useRecoveryCode, verifyUserCode } from '#app/auth/two_factor'
import User from '#app/auth/models/user'
import { secondFactorThrottle } from '#app/auth/login_throttle'
import { throttledText } from '#app/auth/throttled_message'

const PENDING_KEY = 'second_factor'
/** The password step is good for 5 minutes. */
const PENDING_TTL_MS = 5 * 60 * 1000

const challengeValidator = vine.create({
  code: vine.string().trim().maxLength(20).optional(),
  recoveryCode: vine.string().trim().maxLength(40).optional(),
})

export function startSecondFactor(ctx: HttpContext, userId: number) {
  ctx.session.put(PENDING_KEY, { userId, at: Date.now() })
}

function pendingUserId(ctx: HttpContext): number | null {
  const pending = ctx.session.get(PENDING_KEY) as { userId: number; at: number } | undefined
  if (!pending || Date.now() - pending.at > PENDING_TTL_MS) return null
  return pending.userId
}

/* The second step of signing in with TOTP (or a recovery code). Public by nature. */
export default class TwoFactorChallengeController {
  async show(ctx: HttpContext) {
    if (!pendingUserId(ctx)) return ctx.response.redirect(urlFor('auth.login'))
    return ctx.inertia.render('auth/two_factor/challenge', {})
  }

  async store(ctx: HttpContext) {
    const userId = pendingUserId(ctx)
    if (!userId) return refuseForm(ctx, 'code', 'ui.two_factor.errors.expired')
    const { code, recoveryCode } = await validateTranslated(ctx, challengeValidator)
    // 5 codes per user and address, taken before any code is verified (SECURITY A5: the 6th is
    // throttled, even when right); see attempt_throttle.ts for the account and address rules.
    const account = `${ctx.tenant.id}:${userId}`
    const ip = ctx.request.ip()
    const admission = await secondFactorThrottle.admit(account, ip)
    if (!admission.admitted) {
      recordAuditDurably(ctx, {
        action: 'auth.second_factor_throttled',
        subjectId: userId,
        after: { rule: admission.rule },
      })
      ctx.response.header('Retry-After', String(admission.retryAfterSeconds))
      const text = throttledText('ui.two_factor.errors.throttled', admission.retryAfterSeconds)
      return refuseForm(ctx, 'code', text.key, text.params, 429)
    }
    const user = await User.query().where('id', userId).first()
    const ok =
      !!user &&
      user.status === 'active' &&
      (recoveryCode
        ? await useRecoveryCode(user.id, recoveryCode)
        : !!code && (await verifyUserCode(user, code)))
    if (!ok) {
      await secondFactorThrottle.failed(account, ip)
      recordAuditDurably(ctx, {
        action: 'auth.second_factor_failed',
        subjectId: userId,
        after: { method: recoveryCode ? 'recovery_code' : 'totp' },
      })
      return refuseForm(ctx, recoveryCode ? 'recoveryCode' : 'code', 'ui.two_factor.errors.wrong')
    }
    await secondFactorThrottle.succeeded(account, ip)
    ctx.session.forget(PENDING_KEY)
    await completeSignIn(ctx, user!, recoveryCode ? 'recovery_code' : 'totp')
    return acceptForm(ctx, '/')
  }
}
