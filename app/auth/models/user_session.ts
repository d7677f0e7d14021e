import { column } from '@adonisjs/lucid/orm'
import type { DateTime } from 'luxon'
import { TenantModel } from '#app/core/database/tenant_model'

/* A signed-in session a person can see and end (SECURITY A7); `id` is its random reference. */
export default class UserSession extends TenantModel {
  static table = 'user_sessions'

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare userId: number

  @column()
  declare impersonatorUserId: number | null

  @column()
  declare ip: string | null

  @column()
  declare userAgent: string | null

  @column.dateTime()
  declare createdAt: DateTime

  @column.dateTime()
  declare lastSeenAt: DateTime

  @column.dateTime()
  declare revokedAt: DateTime | null
}
