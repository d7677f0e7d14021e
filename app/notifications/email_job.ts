/*
 * The e-mail of a notification (issue #4 §9), sent by a worker through the tenant's own mail
 * (app/mail/tenant_mailer.ts) in the recipient's language with the tenant's brand, its link on
 * the tenant's primary domain. Sent once however often the job runs (SECURITY J1); a send that
 * fails is retried, and after the last attempt the notification says "failed" with the reason,
 * which staff see in the history.
 */
import app from '@adonisjs/core/services/app'
import Notification from '#app/notifications/models/notification'
import { defineJob } from '#app/jobs/queue'
import { once } from '#app/jobs/idempotency'
import { NoMailServer, sendTenantMail } from '#app/mail/tenant_mailer'
import { renderMail } from '#app/mail/templates'
import { tenantUrl } from '#app/mail/public_url'
import i18nManager from '@adonisjs/i18n/services/main'
import { renderNotification } from '#app/notifications/render'
import type { Locale } from '#app/core/i18n/locales'

const RETRIES = 3

export const notificationEmailJob = defineJob<{ notificationId: number }>({
  name: 'notifications.email',
  retryLimit: RETRIES,
  retryDelay: 5,
  retryDelayMax: 120,
  expireInSeconds: 120,
  // Four at a time, one each: a tenant's hung mail server holds up its own mail only (J6).
  workers: 4,
  batchSize: 1,
  async handle(payload, job) {
    // The worker runs this in the payload's tenant: the model filters on it by construction.
    const row = await Notification.query()
      .join('users as u', (join) => {
        join.on('u.tenant_id', 'notifications.tenant_id').andOn('u.id', 'notifications.user_id')
      })
      .where('notifications.id', payload.notificationId)
      .select(
        'notifications.id',
        'notifications.type',
        'notifications.params',
        'notifications.link',
        'notifications.email_status',
        'notifications.email_to',
        'u.locale'
      )
      .forUpdate()
      .pojo<{
        id: number
        type: string
        params: Notification['params']
        link: string | null
        email_status: string | null
        email_to: string
        locale: Locale | null
      }>()
      .first()
    if (!row || row.email_status !== 'queued') return
    const tenant = await (await app.container.make('tenancy.registry')).tenant(payload.tenantId)
    if (!tenant) return
    const locale: Locale = row.locale ?? tenant.locale
    const words = renderNotification(row.type, row.params, locale, tenant.brand.name)
    const i18n = i18nManager.locale(locale)
    const mail = renderMail(tenant.brand, locale, {
      subject: i18n.t('notifications.mail.subject', { brand: tenant.brand.name, ...words }),
      heading: words.title,
      paragraphs: [words.body],
      action: row.link
        ? { label: i18n.t('notifications.mail.action'), url: tenantUrl(tenant, row.link) }
        : undefined,
      note: i18n.t('notifications.mail.note', { brand: tenant.brand.name }),
    })
    const settle = (values: Record<string, unknown>) =>
      Notification.query().where('id', row.id).update(values)
    await once(`notification-mail:${row.id}`, async () => {
      try {
        await sendTenantMail(tenant, {
          kind: `notification:${row.type}`,
          to: row.email_to,
          ...mail,
        })
        await settle({ email_status: 'sent', emailed_at: new Date(), email_error: null })
      } catch (error) {
        // A passing fault, before the last attempt: fail it, so the claim rolls back and a
        // retry sends. No mail server at all is the tenant's set-up, not a passing fault.
        if (job.attempt <= RETRIES && !(error instanceof NoMailServer)) throw error
        await settle({
          email_status: 'failed',
          email_error: (error as Error).message.slice(0, 500),
        })
      }
    })
  },
})
