import { urlFor } from '@adonisjs/core/services/url_builder'
import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import { DateTime } from 'luxon'
import { validateTranslated } from '#app/core/http/validation'
import { acceptForm, refuseForm } from '#app/core/http/form_outcome'
import { recordAudit } from '#app/audit/audit'
import { requireRecentAuth } from '#app/auth/step_up'
import {
  enrolment,
  issueRecoveryCodes,
  matchingStep,
  newTotpSecret,
  openSecret,
  removeSecondFactor,
  sealSecret,
} from '#app/auth/two_factor'
import type User from '#app/auth/models/user'

const SETUP_KEY = 'totp_setup'
const codeValidator = vine.create({ code: vine.string().trim().maxLength(20) })

/*
 * A person's own second factor: set it up (scan, then prove it with a code), see new recovery
 * codes, or turn it off — each behind a recent password confirmation and never while
 * impersonating (requireRecentAuth). Staff of a tenant that requires it cannot turn it off.
 */
export default class TwoFactorController {
  async setup(ctx: HttpContext) {
    requireRecentAuth(ctx)
    const user = ctx.auth.use('web').user as User
    const secret = newTotpSecret()
    // Kept sealed in the session until a code proves the authenticator has it.
    ctx.session.put(SETUP_KEY, sealSecret(secret, { tenantId: ctx.tenant.id, userId: user.id }))
    return ctx.inertia.render(
      'auth/two_factor/setup',
      await enrolment(secret, user.email, ctx.tenant.brand.name)
    )
  }

  async enable(ctx: HttpContext) {
    requireRecentAuth(ctx)
    const user = ctx.auth.use('web').user as User
    const sealed = ctx.session.get(SETUP_KEY) as string | undefined
    const owner = { tenantId: ctx.tenant.id, userId: user.id }
    const secret = sealed ? openSecret(sealed, owner) : null
    const { code } = await validateTranslated(ctx, codeValidator)
    const step = secret ? await matchingStep(secret, code, null) : null
    if (!secret || step === null) return refuseForm(ctx, 'code', 'ui.two_factor.errors.wrong')
    user.totpSecret = sealSecret(secret, owner)
    user.totpEnabledAt = DateTime.now()
    user.totpLastStep = step
    await user.save()
    ctx.session.forget(SETUP_KEY)
    const codes = await issueRecoveryCodes(user.id)
    await recordAudit(ctx, {
      action: 'auth.two_factor_enabled',
      subjectType: 'user',
      subjectId: user.id,
    })
    return ctx.inertia.render('auth/recovery_codes/show', { codes })
  }

  async recoveryCodes(ctx: HttpContext) {
    requireRecentAuth(ctx)
    const user = ctx.auth.use('web').user as User
    if (!user.totpEnabledAt) return refuseForm(ctx, 'code', 'ui.two_factor.errors.not_enabled')
    const codes = await issueRecoveryCodes(user.id)
    await recordAudit(ctx, {
      action: 'auth.recovery_codes_replaced',
      subjectType: 'user',
      subjectId: user.id,
    })
    return ctx.inertia.render('auth/recovery_codes/show', { codes })
  }

  async disable(ctx: HttpContext) {
    requireRecentAuth(ctx)
    const user = ctx.auth.use('web').user as User
    if (user.audience === 'staff' && ctx.tenant.access.staffTwoFactorRequired) {
      return refuseForm(ctx, 'code', 'ui.two_factor.errors.required')
    }
    await removeSecondFactor(user)
    await recordAudit(ctx, {
      action: 'auth.two_factor_disabled',
      subjectType: 'user',
      subjectId: user.id,
    })
    return acceptForm(ctx, urlFor('account.show'), 'ui.two_factor.disabled')
  }
}
