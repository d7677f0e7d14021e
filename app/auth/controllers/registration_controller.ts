import { urlFor } from '@adonisjs/core/services/url_builder'
import type { HttpContext } from '@adonisjs/core/http'
import { validateAllTranslated, validateTranslated } from '#app/core/http/validation'
import { acceptForm, refuseForm } from '#app/core/http/form_outcome'
import { wantsJson } from '#app/core/http/wants_json'
import { recordAudit, recordAuditDurably } from '#app/audit/audit'
import { requestLocale, translatorFor } from '#app/core/i18n/request_locale'
import { allowMailRequest } from '#app/auth/login_throttle'
import { confirmEmail, confirmPhone, Register } from '#app/auth/actions/register'
import { sendPhoneCode } from '#app/auth/phone_codes'
import { phoneCodeValidator, registrationValidator } from '#app/auth/validators/registration'
import { CLIENT_TYPES, clientValidator } from '#app/clients/validators/client_validator'
import User from '#app/auth/models/user'

/** Who is between signing up and confirming, in this browser's session only. */
const PENDING_KEY = 'registration'
type Pending = { userId: number | null; phone: string }

function maskPhone(phone: string) {
  return phone.slice(0, 3) + '•'.repeat(Math.max(0, phone.length - 5)) + phone.slice(-2)
}

/* Self-registration on the tenant's portal: public routes, no account enumeration. */
export default class RegistrationController {
  async create({ inertia }: HttpContext) {
    return inertia.render('auth/registration/create', { types: [...CLIENT_TYPES] })
  }

  async store(ctx: HttpContext) {
    const [person, company] = await validateAllTranslated(
      ctx,
      registrationValidator,
      clientValidator
    )
    if (!(await allowMailRequest(ctx.tenant.id, person.email, ctx.request.ip()))) {
      return refuseForm(ctx, 'email', 'ui.auth.throttled', { minutes: 15 }, 429)
    }
    const result = await new Register().handle(ctx.tenant, {
      ...person,
      locale: requestLocale(ctx),
      company: company as Record<string, string | undefined>,
    })
    if (!result.ok) return refuseForm(ctx, result.field, `ui.account.errors.${result.error}`)
    await recordAudit(ctx, {
      action: 'auth.registered',
      subjectType: result.userId ? 'user' : undefined,
      subjectId: result.userId ?? undefined,
      after: { email: person.email },
    })
    ctx.session.put(PENDING_KEY, { userId: result.userId, phone: person.phone } satisfies Pending)
    return acceptForm(ctx, urlFor('auth.register.verify'))
  }

  async verify(ctx: HttpContext) {
    const pending = ctx.session.get(PENDING_KEY) as Pending | undefined
    if (!pending) return ctx.response.redirect(urlFor('auth.register'))
    return ctx.inertia.render('auth/registration/verify', { phone: maskPhone(pending.phone) })
  }

  async confirmPhone(ctx: HttpContext) {
    const pending = ctx.session.get(PENDING_KEY) as Pending | undefined
    const { code } = await validateTranslated(ctx, phoneCodeValidator)
    // An e-mail that already had an account has no code to match: the same "wrong" answer.
    const result = pending?.userId ? await confirmPhone(pending.userId, code) : 'wrong'
    if (result !== 'ok') {
      recordAuditDurably(ctx, {
        action: 'auth.phone_code_failed',
        subjectId: pending?.userId ?? undefined,
      })
      return refuseForm(ctx, 'code', `ui.register.errors.code_${result}`)
    }
    await recordAudit(ctx, {
      action: 'auth.phone_confirmed',
      subjectType: 'user',
      subjectId: pending!.userId!,
    })
    const user = await User.query().where('id', pending!.userId!).firstOrFail()
    if (user.status === 'active') {
      ctx.session.forget(PENDING_KEY)
      return acceptForm(ctx, urlFor('auth.login'), 'ui.register.ready')
    }
    return acceptForm(ctx, urlFor('auth.register.verify'), 'ui.register.phone_confirmed')
  }

  async resendCode(ctx: HttpContext) {
    const pending = ctx.session.get(PENDING_KEY) as Pending | undefined
    if (!pending) return ctx.response.redirect(urlFor('auth.register'))
    if (await allowMailRequest(ctx.tenant.id, `phone:${pending.phone}`, ctx.request.ip())) {
      const user = pending.userId ? await User.query().where('id', pending.userId).first() : null
      if (user && !user.phoneVerifiedAt) await sendPhoneCode(user, ctx.tenant)
    }
    const message = translatorFor(ctx).t('ui.register.code_sent')
    if (wantsJson(ctx)) return ctx.response.ok({ ok: true, message })
    ctx.session.flash('notice', message)
    return ctx.response.redirect(urlFor('auth.register.verify'))
  }

  async confirmEmail(ctx: HttpContext) {
    const user = await confirmEmail(String(ctx.params.token ?? ''))
    const i18n = translatorFor(ctx)
    if (!user) {
      recordAuditDurably(ctx, { action: 'auth.email_confirmation_refused' })
      ctx.session.flash('notice', i18n.t('ui.register.errors.link_invalid'))
      return ctx.response.redirect(urlFor('auth.login'))
    }
    await recordAudit(ctx, {
      action: 'auth.email_confirmed',
      subjectType: 'user',
      subjectId: user.id,
    })
    const ready = user.status === 'active'
    ctx.session.flash('notice', i18n.t(ready ? 'ui.register.ready' : 'ui.register.email_confirmed'))
    const pending = ctx.session.get(PENDING_KEY) as Pending | undefined
    return ctx.response.redirect(
      !ready && pending?.userId === user.id ? urlFor('auth.register.verify') : urlFor('auth.login')
    )
  }
}
