import { column } from '@adonisjs/lucid/orm'
import type { DateTime } from 'luxon'
import { TenantModel } from '#app/core/database/tenant_model'

/* A person's channels for one event type, where they changed the type's defaults. */
export default class NotificationPreference extends TenantModel {
  static table = 'notification_preferences'

  @column({ isPrimary: true })
  declare userId: number

  @column()
  declare type: string

  @column()
  declare inApp: boolean

  @column()
  declare email: boolean

  @column.dateTime()
  declare updatedAt: DateTime
}
