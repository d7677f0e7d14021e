/*
 * Firing a notification (issue #4 §9). A module calls `notify(type, …)` inside the tenant
 * transaction of the change it tells about, so a rolled-back change notifies nobody:
 *  - the recipients are the people it names, or the tenant's active staff who hold the type's
 *    permission right now (within the tenant's ceiling);
 *  - each recipient's preferences for the type (their own row, else the declared defaults) pick
 *    the channels: a row in their in-app centre, an e-mail job enqueued in the same transaction;
 *  - after commit, each in-app recipient's open pages hear about it over SSE (app/notifications/live.ts).
 * Texts are not stored: the type and its parameters are, rendered in the reader's language.
 */
import app from '@adonisjs/core/services/app'
import { moduleCatalog } from '#app/core/modules/registry'
import { currentTenantScope } from '#app/core/database/tenant_context'
import { enqueueMany } from '#app/jobs/queue'
import { announceAfterCommit } from '#app/notifications/live'
import { notificationEmailJob } from '#app/notifications/email_job'
import type { NotificationParams } from '#app/notifications/render'
import User from '#app/auth/models/user'
import NotificationPreference from '#app/notifications/models/notification_preference'

export interface NotifyOptions {
  params?: NotificationParams
  /** A path on the tenant's own domain the notification leads to. */
  link?: string | null
  /** The people to tell (users of this tenant); without it, the holders of the type's permission. */
  userIds?: number[]
}

export class UnknownNotificationType extends Error {
  constructor(type: string) {
    super(`Notification type ${type} is not declared by any module`)
  }
}

interface Recipient {
  id: number
  email: string
}

/** Returns how many people were notified (on any channel). */
export async function notify(type: string, options: NotifyOptions = {}): Promise<number> {
  const scope = currentTenantScope()
  if (!scope?.trx || scope.trx.isCompleted) throw new Error('notify() runs in a tenant transaction')
  const { trx, tenantId } = scope
  const declaration = (await moduleCatalog()).notifications.get(type)
  if (!declaration) throw new UnknownNotificationType(type)

  let recipients: Recipient[]
  if (options.userIds) {
    if (options.userIds.length === 0) return 0
    recipients = await User.query()
      .whereIn('id', options.userIds)
      // A person still confirming their account is told of decisions about it too.
      .whereIn('status', ['active', 'pending'])
      .select('id', 'email')
      .pojo<Recipient>()
  } else {
    const permission = declaration.permission
    if (!permission) throw new Error(`Notification ${type} names no permission and no people`)
    const tenant = await (await app.container.make('tenancy.registry')).tenant(tenantId)
    // Beyond the tenant's ceiling no role holds it, whatever the role row still says.
    if (!tenant?.access.ceiling.has(permission)) return 0
    recipients = await User.query()
      .where('users.status', 'active')
      .where('users.audience', 'staff')
      .whereExists((holds) =>
        holds
          .from('user_roles as ur')
          .join('roles as r', (join) => {
            join.on('r.tenant_id', 'ur.tenant_id').andOn('r.id', 'ur.role_id')
          })
          .whereColumn('ur.tenant_id', 'users.tenant_id')
          .whereColumn('ur.user_id', 'users.id')
          .whereRaw('? = any(r.permissions)', [permission])
      )
      .select('users.id', 'users.email')
      .pojo<Recipient>()
  }
  if (recipients.length === 0) return 0

  const chosen = await NotificationPreference.query()
    .where('type', type)
    .whereIn(
      'user_id',
      recipients.map((recipient) => recipient.id)
    )
    .select('user_id', 'in_app', 'email')
    .pojo<{ user_id: number; in_app: boolean; email: boolean }>()
  const preferences = new Map(chosen.map((row) => [Number(row.user_id), row]))
  const rows = recipients
    .map((recipient) => {
      const own = preferences.get(Number(recipient.id))
      const inApp = own ? Boolean(own.in_app) : declaration.defaults.inApp
      const email = own ? Boolean(own.email) : declaration.defaults.email
      return { recipient, inApp, email }
    })
    .filter((row) => row.inApp || row.email)
  if (rows.length === 0) return 0

  // A set operation (ADR 0023 §3): one insert for every recipient, its tenant the context's.
  const inserted = (await trx
    .table('notifications')
    .insert(
      rows.map(({ recipient, inApp, email }) => ({
        tenant_id: tenantId,
        user_id: recipient.id,
        type,
        params: JSON.stringify(options.params ?? {}),
        link: options.link ?? null,
        in_app: inApp,
        email_status: email ? 'queued' : null,
        email_to: email ? recipient.email : null,
      }))
    )
    .returning(['id', 'user_id', 'in_app', 'email_status'])) as Array<{
    id: number
    user_id: number
    in_app: boolean
    email_status: string | null
  }>

  const mailed = inserted.filter((row) => row.email_status === 'queued')
  if (mailed.length > 0) {
    await enqueueMany(
      notificationEmailJob,
      mailed.map((row) => ({ notificationId: Number(row.id) }))
    )
  }
  announceAfterCommit(
    tenantId,
    inserted.filter((row) => row.in_app).map((row) => ({ userId: Number(row.user_id), id: row.id }))
  )
  return inserted.length
}
