import type { HttpContext } from '@adonisjs/core/http'
import i18nManager from '@adonisjs/i18n/services/main'

/*
 * The page for hosts that serve no tenant (and for disabled tenants): plain, translated by
 * Accept-Language, naming no tenant and not the platform.
 */
export function renderNeutralNotFound(ctx: HttpContext) {
  const locale = i18nManager.getSupportedLocaleFor(ctx.request.languages()) ?? 'en'
  const i18n = i18nManager.locale(locale)
  const dir = locale === 'fa' ? 'rtl' : 'ltr'
  const title = i18n.t('errors.not_found.title')
  const body = i18n.t('errors.not_found.body')
  ctx.response.status(404)
  ctx.response.header('Cache-Control', 'no-store')
  ctx.response.header('Content-Type', 'text/html; charset=utf-8')
  ctx.response.send(
    `<!doctype html><html lang="${locale}" dir="${dir}"><head><meta charset="utf-8">` +
      `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>` +
      `<style>body{font-family:system-ui,sans-serif;margin:0;display:grid;place-items:center;` +
      `min-height:100vh;color:#334155}main{padding:2rem;text-align:center}</style></head>` +
      `<body><main><h1>${title}</h1><p>${body}</p></main></body></html>`
  )
}
