import type { HttpContext } from '@adonisjs/core/http'
import { authorize } from '#app/access/authorization'
import MailLog from '#app/mail/models/mail_log'

/* What this tenant mailed, newest first (the last 200). */
export default class MailLogController {
  async index(ctx: HttpContext) {
    await authorize(ctx, 'mail.log.view')
    const rows = await MailLog.query()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(200)
      .select('id', 'kind', 'to_address', 'subject', 'status', 'error', 'created_at')
      .pojo<Record<string, unknown>>()
    return ctx.inertia.render('mail/log/index', {
      rows: rows.map((row) => ({
        id: row.id as number,
        kind: row.kind as string | null,
        to: row.to_address as string,
        subject: row.subject as string,
        status: row.status as 'sent' | 'failed',
        error: row.error as string | null,
        at: new Date(row.created_at as Date).toISOString(),
      })),
    })
  }
}
