import app from '@adonisjs/core/services/app'
import { type HttpContext, ExceptionHandler } from '@adonisjs/core/http'
import { errors as coreErrors } from '@adonisjs/core'
import { renderNeutralNotFound } from '#core/http/neutral_not_found'

export default class HttpExceptionHandler extends ExceptionHandler {
  protected debug = !app.inProduction && !app.inTest

  async handle(error: unknown, ctx: HttpContext) {
    // Unknown routes get the same neutral page as unknown hosts: nothing to learn from it.
    if (error instanceof coreErrors.E_ROUTE_NOT_FOUND) {
      return renderNeutralNotFound(ctx)
    }
    return super.handle(error, ctx)
  }

  async report(error: unknown, ctx: HttpContext) {
    return super.report(error, ctx)
  }
}
