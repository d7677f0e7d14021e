import { column } from '@adonisjs/lucid/orm'
import type { DateTime } from 'luxon'
import { TenantModel } from '#app/core/database/tenant_model'

/* A single-use token (password reset, invitation, e-mail confirmation, impersonation), kept only as its SHA-256. */
export default class UserToken extends TenantModel {
  static table = 'user_tokens'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare purpose: 'password_reset' | 'invitation' | 'email_confirmation' | 'impersonation'

  @column({ serializeAs: null })
  declare tokenHash: Buffer

  @column()
  declare userId: number | null

  @column()
  declare email: string | null

  @column()
  declare clientId: number | null

  @column()
  declare roleId: number | null

  @column({ prepare: (value: Record<string, unknown> | null) => value && JSON.stringify(value) })
  declare payload: Record<string, unknown> | null

  @column()
  declare createdBy: number | null

  @column.dateTime()
  declare expiresAt: DateTime

  @column.dateTime()
  declare usedAt: DateTime | null

  @column.dateTime()
  declare createdAt: DateTime
}
