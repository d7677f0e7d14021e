import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { authorize } from '#app/access/authorization'
import { requireTenantId } from '#app/core/database/tenant_context'

/* What this tenant mailed, newest first (the last 200). */
export default class MailLogController {
  async index(ctx: HttpContext) {
    await authorize(ctx, 'mail.log.view')
    const rows = await db
      .from('mail_log')
      .where('tenant_id', requireTenantId('mail log'))
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(200)
      .select('id', 'kind', 'to_address', 'subject', 'status', 'error', 'created_at')
    return ctx.inertia.render('mail/log/index', {
      rows: rows.map((row) => ({
        id: row.id as number,
        kind: row.kind as string | null,
        to: row.to_address as string,
        subject: row.subject as string,
        status: row.status as 'sent' | 'failed',
        error: row.error as string | null,
        at: new Date(row.created_at).toISOString(),
      })),
    })
  }
}
