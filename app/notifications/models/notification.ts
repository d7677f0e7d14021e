import { column } from '@adonisjs/lucid/orm'
import type { DateTime } from 'luxon'
import { TenantModel } from '#app/core/database/tenant_model'
import type { NotificationParams } from '#app/notifications/render'

/* One recipient's notification of an event (issue #4 §9): its in-app row and its e-mail. */
export default class Notification extends TenantModel {
  static table = 'notifications'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare userId: number

  @column()
  declare type: string

  @column({ prepare: (value: NotificationParams) => JSON.stringify(value ?? {}) })
  declare params: NotificationParams

  @column()
  declare link: string | null

  @column()
  declare inApp: boolean

  @column.dateTime()
  declare readAt: DateTime | null

  @column()
  declare emailStatus: 'queued' | 'sent' | 'failed' | null

  @column()
  declare emailTo: string | null

  @column()
  declare emailError: string | null

  @column.dateTime()
  declare emailedAt: DateTime | null

  @column.dateTime()
  declare createdAt: DateTime
}
