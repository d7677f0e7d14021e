import { column } from '@adonisjs/lucid/orm'
import type { DateTime } from 'luxon'
import { TenantModel } from '#app/core/database/tenant_model'

/* One call a tenant's connection made to a provider, bodies redacted (CONTEXT.md "call log"). */
export default class ProviderCall extends TenantModel {
  static table = 'provider_calls'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare provider: string

  @column()
  declare operation: string

  @column()
  declare method: string

  @column()
  declare url: string

  @column()
  declare status: number | null

  @column()
  declare outcome: string

  @column()
  declare attempt: number

  @column()
  declare durationMs: number

  @column()
  declare requestBody: string | null

  @column()
  declare responseBody: string | null

  @column.dateTime()
  declare createdAt: DateTime
}
