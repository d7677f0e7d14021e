/*
 * Marks a person's notifications read: one (found only among their own, so another person's id
 * is simply not found) or all of them. Their other open pages hear of it and lower the badge.
 */
import db from '@adonisjs/lucid/services/db'
import { requireTenantId } from '#app/core/database/tenant_context'
import Notification from '#app/notifications/models/notification'
import { announceReadAfterCommit } from '#app/notifications/live'

export class MarkNotificationsRead {
  /** Returns false when the notification is not this person's (or does not exist). */
  async one(userId: number, id: number): Promise<boolean> {
    const tenantId = requireTenantId('notifications')
    const found = await Notification.query()
      .where({ user_id: userId, id, in_app: true })
      .update({ read_at: db.raw('coalesce(read_at, now())') })
    if (Number(found) === 0) return false
    announceReadAfterCommit(tenantId, userId)
    return true
  }

  async all(userId: number): Promise<number> {
    const tenantId = requireTenantId('notifications')
    const changed = await Notification.query()
      .where({ user_id: userId, in_app: true })
      .whereNull('read_at')
      .update({ read_at: new Date() })
    if (Number(changed) > 0) announceReadAfterCommit(tenantId, userId)
    return Number(changed)
  }
}
