import { column } from '@adonisjs/lucid/orm'
import type { DateTime } from 'luxon'
import { TenantModel } from '#app/core/database/tenant_model'

/* One mail a tenant sent (issue #4 §8): recipient, subject, outcome; never the body. */
export default class MailLog extends TenantModel {
  static table = 'mail_log'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare kind: string | null

  @column()
  declare toAddress: string

  @column()
  declare subject: string

  @column()
  declare status: 'sent' | 'failed'

  @column()
  declare error: string | null

  @column.dateTime()
  declare createdAt: DateTime
}
