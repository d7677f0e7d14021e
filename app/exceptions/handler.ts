import { urlFor } from '@adonisjs/core/services/url_builder'
import app from '@adonisjs/core/services/app'
import { type HttpContext, ExceptionHandler } from '@adonisjs/core/http'
import { errors as coreErrors } from '@adonisjs/core'
import { renderNeutralNotFound } from '#app/core/http/neutral_not_found'
import { markFailed } from '#app/core/http/form_outcome'
import { wantsJson } from '#app/core/http/wants_json'
import { translatorFor } from '#app/core/i18n/request_locale'
import { isDependencyUnavailable } from '#app/core/http/dependency_unavailable'

function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
}

export default class HttpExceptionHandler extends ExceptionHandler {
  protected debug = !app.inProduction && !app.inTest

  async handle(error: unknown, ctx: HttpContext) {
    // A handler that threw changed nothing, whatever its answer's status turns out to be.
    markFailed(ctx)
    const { code, status } = error as { code?: string; status?: number }

    // Unknown routes and rows get the same neutral page as unknown hosts: nothing to learn.
    if (error instanceof coreErrors.E_ROUTE_NOT_FOUND || status === 404) {
      if (wantsJson(ctx)) return ctx.response.notFound({ error: 'not_found' })
      return renderNeutralNotFound(ctx)
    }

    // PostgreSQL or Redis (sessions, throttling counters) did not answer: fail closed with a
    // 503, never let a request through unthrottled or half-authenticated (SECURITY A3).
    if (isDependencyUnavailable(error)) {
      const i18n = translatorFor(ctx)
      ctx.response.header('Retry-After', '5')
      if (wantsJson(ctx)) {
        return ctx.response
          .status(503)
          .send({ error: 'unavailable', message: i18n.t('errors.unavailable.body') })
      }
      const title = escapeHtml(i18n.t('errors.unavailable.title'))
      const body = escapeHtml(i18n.t('errors.unavailable.body'))
      ctx.response.status(503).header('Content-Type', 'text/html; charset=utf-8')
      return ctx.response.send(
        `<!doctype html><html lang="${i18n.locale}"><head><meta charset="utf-8"><title>${title}</title></head>` +
          `<body style="font-family:system-ui,sans-serif;display:grid;place-items:center;min-height:100vh;margin:0">` +
          `<main style="text-align:center"><h1>${title}</h1><p>${body}</p></main></body></html>`
      )
    }

    // An upload refused by its size, its route, or the process's upload budget.
    if (status === 413 || status === 415 || code === 'E_UPLOADS_BUSY') {
      const key = code === 'E_UPLOADS_BUSY' ? 'uploads_busy' : `upload_${status}`
      const message = translatorFor(ctx).t(`errors.${key}`)
      if (wantsJson(ctx) || !ctx.session) {
        return ctx.response.status(status ?? 503).send({ error: key, message })
      }
      ctx.session.flash('inputErrorsBag', { file: [message] })
      return ctx.response.redirect().back()
    }

    // Shield only redirects back, silently for our pages and wrongly for JSON clients.
    if (code === 'E_BAD_CSRF_TOKEN') {
      const message = translatorFor(ctx).t('errors.session_expired')
      if (wantsJson(ctx)) return ctx.response.forbidden({ error: 'csrf', message })
      ctx.session.flash('notice', message)
      return ctx.response.redirect().back()
    }

    if (status === 403) {
      const i18n = translatorFor(ctx)
      // Refusals the person can act on say why: confirm the password, or stop impersonating.
      const reason =
        code === 'E_REAUTH_REQUIRED'
          ? 'reauthentication_required'
          : code === 'E_IMPERSONATING'
            ? 'impersonating'
            : code === 'E_TWO_FACTOR_REQUIRED'
              ? 'two_factor_required'
              : code === 'E_IP_NOT_ALLOWED'
                ? 'ip_not_allowed'
                : 'forbidden'
      if (wantsJson(ctx)) {
        return ctx.response.forbidden({
          error: reason,
          message: i18n.t(`errors.${reason}.body`),
        })
      }
      // The account screen is where each of these is resolved (not a refused address).
      if (reason !== 'forbidden' && reason !== 'ip_not_allowed') {
        ctx.session.flash('notice', i18n.t(`errors.${reason}.body`))
        return ctx.response.redirect(urlFor('account.show'))
      }
      const title = escapeHtml(i18n.t(`errors.${reason}.title`))
      const body = escapeHtml(i18n.t(`errors.${reason}.body`))
      ctx.response.status(403).header('Content-Type', 'text/html; charset=utf-8')
      return ctx.response.send(
        `<!doctype html><html lang="${i18n.locale}"><head><meta charset="utf-8"><title>${title}</title>` +
          `<meta name="viewport" content="width=device-width, initial-scale=1"></head>` +
          `<body style="font-family:system-ui,sans-serif;display:grid;place-items:center;min-height:100vh;margin:0">` +
          `<main style="text-align:center"><h1>${title}</h1><p>${body}</p><p><a href="/">↩</a></p></main></body></html>`
      )
    }
    return super.handle(error, ctx)
  }

  async report(error: unknown, ctx: HttpContext) {
    return super.report(error, ctx)
  }
}
