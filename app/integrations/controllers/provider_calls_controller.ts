import type { HttpContext } from '@adonisjs/core/http'
import { authorize } from '#app/access/authorization'
import ProviderCall from '#app/integrations/models/provider_call'

/* The call log: this tenant's latest 200 calls to its providers, bodies already redacted. */
export default class ProviderCallsController {
  async index(ctx: HttpContext) {
    await authorize(ctx, 'integrations.calls.view')
    // ADR 0023: a list through the model's query, read as plain rows.
    const rows = await ProviderCall.query()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(200)
      .pojo<Record<string, unknown>>()
    return ctx.inertia.render('integrations/provider_calls/index', {
      calls: rows.map((row) => ({
        id: Number(row.id),
        at: new Date(row.created_at as string).toISOString(),
        provider: row.provider as string,
        operation: row.operation as string,
        method: row.method as string,
        url: row.url as string,
        status: row.status as number | null,
        outcome: row.outcome as string,
        attempt: row.attempt as number,
        durationMs: row.duration_ms as number,
        request: row.request_body as string | null,
        response: row.response_body as string | null,
      })),
    })
  }
}
