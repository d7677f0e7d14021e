import { column } from '@adonisjs/lucid/orm'
import type { DateTime } from 'luxon'
import { TenantModel } from '#app/core/database/tenant_model'

/* A job that used up its retries: the tenant's dead-letter store staff read and retry. */
export default class JobFailure extends TenantModel {
  static table = 'job_failures'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare queue: string

  @column()
  declare jobId: string

  @column({ prepare: (value: Record<string, unknown>) => JSON.stringify(value) })
  declare payload: Record<string, unknown>

  @column()
  declare error: string

  @column()
  declare attempts: number

  @column.dateTime()
  declare failedAt: DateTime

  @column.dateTime()
  declare retriedAt: DateTime | null

  @column()
  declare retriedBy: number | null
}
