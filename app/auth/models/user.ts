import { DateTime } from 'luxon'
import { column } from '@adonisjs/lucid/orm'
import { TenantModel } from '#app/core/database/tenant_model'
import type { Locale } from '#app/core/i18n/locales'

/* A login. Belongs to exactly one tenant and signs in only on that tenant's domains. */
export default class User extends TenantModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare email: string

  @column({ serializeAs: null })
  declare password: string

  @column()
  declare fullName: string

  @column()
  declare audience: 'staff' | 'client'

  @column()
  declare status: 'active' | 'disabled' | 'pending'

  @column()
  declare locale: Locale | null

  @column.dateTime()
  declare lastLoginAt: DateTime | null

  @column()
  declare phone: string | null

  @column.dateTime()
  declare emailVerifiedAt: DateTime | null

  @column.dateTime()
  declare phoneVerifiedAt: DateTime | null

  /** Encrypted (app encryption); never serialised. */
  @column({ serializeAs: null })
  declare totpSecret: string | null

  @column.dateTime()
  declare totpEnabledAt: DateTime | null

  @column({ serializeAs: null })
  declare totpLastStep: number | null

  @column.dateTime()
  declare passwordChangedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
