import { urlFor } from '@adonisjs/core/services/url_builder'
import type { HttpContext } from '@adonisjs/core/http'
import { markFailed, refuse } from '#app/core/http/form_outcome'
import { wantsJson } from '#app/core/http/wants_json'
import { SignIn } from '#app/auth/actions/sign_in'
import { signInValidator } from '#app/auth/validators/sign_in'
import { passwordAccount, passwordThrottle } from '#app/auth/login_throttle'
import { throttledMessage } from '#app/auth/throttled_message'
import { translatorFor } from '#app/core/i18n/request_locale'
import { recordAudit, recordAuditDurably } from '#app/audit/audit'
import { currentSessionRef, revokeSession } from '#app/auth/user_sessions'
import { completeSignIn } from '#app/auth/complete_sign_in'
import { startSecondFactor } from '#app/auth/controllers/two_factor_challenge_controller'

/* Sign-in page, sign-in and sign-out on the request's tenant. Public by design. */
export default class SessionController {
  async create({ inertia }: HttpContext) {
    return inertia.render('auth/session/create', { throttled: null, email: null })
  }

  async store(ctx: HttpContext) {
    const { request, response, session, tenant } = ctx
    const i18n = translatorFor(ctx)
    const { email, password } = await request.validateUsing(signInValidator)
    const ip = request.ip()

    const account = passwordAccount(tenant.id, email)
    // The attempt is taken before the password is hashed, atomically: concurrency cannot buy checks.
    const admission = await passwordThrottle.admit(account, ip)
    if (!admission.admitted) {
      recordAuditDurably(ctx, {
        action: 'auth.sign_in_throttled',
        after: { email, rule: admission.rule },
      })
      response.header('Retry-After', String(admission.retryAfterSeconds))
      const message = throttledMessage(i18n, 'ui.auth.throttled', admission.retryAfterSeconds)
      markFailed(ctx)
      response.status(429)
      if (wantsJson(ctx)) return response.send({ errors: [{ field: 'email', message }] })
      // An Inertia page response is accepted by the client whatever its status.
      return ctx.inertia.render('auth/session/create', { throttled: message, email })
    }

    const result = await new SignIn().handle(email, password)
    if (!result.ok) {
      await passwordThrottle.failed(account, ip)
      // The e-mail as typed, never the password.
      recordAuditDurably(ctx, { action: 'auth.sign_in_failed', after: { email } })
      const message = i18n.t('ui.auth.invalid_credentials')
      if (wantsJson(ctx)) {
        return refuse(ctx, 400, { errors: [{ field: 'email', message }] })
      }
      // The bag Inertia's `errors` prop reads (as for validation errors).
      session.flash('inputErrorsBag', { email: [message] })
      session.flashExcept(['password'])
      // Always back to the sign-in form: a Referer may be missing or point elsewhere.
      return response.redirect(urlFor('auth.login'))
    }

    await passwordThrottle.succeeded(account, ip)
    if (result.user.totpEnabledAt) {
      // The password was right; the second factor decides. Nothing is signed in yet.
      startSecondFactor(ctx, result.user.id)
      await recordAudit(ctx, {
        action: 'auth.second_factor_required',
        subjectType: 'user',
        subjectId: result.user.id,
      })
      if (wantsJson(ctx))
        return response.ok({ twoFactor: true, redirect: urlFor('auth.two_factor') })
      return response.redirect(urlFor('auth.two_factor'))
    }
    await completeSignIn(ctx, result.user, 'password')
    if (wantsJson(ctx)) return response.ok({ redirect: '/' })
    return response.redirect('/')
  }

  async destroy(ctx: HttpContext) {
    const { auth, session, response } = ctx
    await auth.use('web').check()
    const user = auth.use('web').user as { id: number } | undefined
    const ref = currentSessionRef(ctx)
    if (user) {
      if (ref) await revokeSession(user.id, ref)
      await recordAudit(ctx, { action: 'auth.sign_out', subjectType: 'user', subjectId: user.id })
    }
    await auth.use('web').logout()
    session.clear()
    return response.redirect(urlFor('auth.login'))
  }
}
