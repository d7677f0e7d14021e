import { column } from '@adonisjs/lucid/orm'
import type { DateTime } from 'luxon'
import { TenantModel } from '#app/core/database/tenant_model'

/* One entry of the append-only audit log (migration 0010): the runtime role never updates it. */
export default class AuditLog extends TenantModel {
  static table = 'audit_log'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare actorUserId: number | null

  @column()
  declare impersonatorUserId: number | null

  @column()
  declare action: string

  @column()
  declare subjectType: string | null

  @column()
  declare subjectId: string | null

  @column()
  declare before: unknown

  @column()
  declare after: unknown

  @column()
  declare ip: string | null

  @column.dateTime()
  declare createdAt: DateTime
}
