import { column } from '@adonisjs/lucid/orm'
import type { DateTime } from 'luxon'
import { TenantModel } from '#app/core/database/tenant_model'

/*
 * A tenant's settings and sealed secrets for one provider type (CONTEXT.md "credential"). Read
 * through app/integrations/credential_vault.ts, which opens secrets only with an audit row; the
 * rows as plain objects (`CredentialRow`) are what the vault hands around.
 */
export default class IntegrationCredential extends TenantModel {
  static table = 'integration_credentials'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare provider: string

  @column({ prepare: (value: Record<string, string | number>) => JSON.stringify(value) })
  declare settings: Record<string, string | number>

  @column({ prepare: (value: Record<string, string>) => JSON.stringify(value) })
  declare secrets: Record<string, string>

  @column()
  declare shareWithSubagents: boolean

  @column({ prepare: (value: Record<string, Record<string, string>>) => JSON.stringify(value) })
  declare codeMaps: Record<string, Record<string, string>>

  @column.dateTime()
  declare lastCheckedAt: DateTime | null

  @column.dateTime()
  declare lastSuccessAt: DateTime | null

  @column.dateTime()
  declare lastErrorAt: DateTime | null

  @column()
  declare lastError: string | null

  @column()
  declare updatedBy: number | null

  @column.dateTime()
  declare updatedAt: DateTime
}
