import { column } from '@adonisjs/lucid/orm'
import type { DateTime } from 'luxon'
import { TenantModel } from '#app/core/database/tenant_model'

/* A person's request to act for a company, as they typed it; staff decide (CONTEXT.md). */
export default class LinkRequest extends TenantModel {
  static table = 'link_requests'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare userId: number

  @column({ prepare: (value: Record<string, string>) => JSON.stringify(value) })
  declare company: Record<string, string>

  @column()
  declare status: 'pending' | 'approved' | 'rejected'

  @column()
  declare clientId: number | null

  @column()
  declare decidedBy: number | null

  @column.dateTime()
  declare decidedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
