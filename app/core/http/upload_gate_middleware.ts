import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { isMultipart, uploadDeclarationOf } from '#app/core/http/uploads'
import { translatorFor } from '#app/core/i18n/request_locale'

/*
 * Runs before the body parser: a multipart body sent to a route that declares no upload is
 * refused (415), and one larger than the route's cap by its Content-Length (413), without
 * reading a byte of it. The connection is closed so the rest of the body is never taken in.
 */
export default class UploadGateMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    if (!isMultipart(ctx)) return next()
    const declaration = await uploadDeclarationOf(ctx)
    const length = Number(ctx.request.header('content-length') ?? 0)
    const status = !declaration ? 415 : length > declaration.maxBytes ? 413 : 0
    if (status === 0) return next()
    const t = translatorFor(ctx)
    ctx.response.header('Connection', 'close')
    const error = status === 415 ? 'unsupported_media_type' : 'too_large'
    return ctx.response.status(status).send({ error, message: t.t(`errors.upload_${status}`) })
  }
}
