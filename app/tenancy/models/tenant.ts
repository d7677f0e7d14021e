import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import type { Calendar, Locale } from '#app/core/i18n/locales'
import type { BrandTokens, TenantKind } from '#tenants/types'

/* A node of the business tree. Catalog table: readable before a tenant is resolved. */
export default class Tenant extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare parentId: number | null

  @column()
  declare packageId: number | null

  /** null: as the parent decided (see the tenant registry). */
  @column()
  declare mailPlatformFallback: boolean | null

  @column()
  declare path: string

  @column()
  declare depth: number

  @column()
  declare slug: string

  @column()
  declare name: string

  @column()
  declare kind: TenantKind

  @column()
  declare status: 'active' | 'disabled'

  @column()
  declare locale: Locale

  @column()
  declare timeZone: string

  @column()
  declare currency: string

  @column()
  declare calendar: Calendar

  @column({ prepare: (value: BrandTokens) => JSON.stringify(value ?? {}) })
  declare brand: BrandTokens

  @column.dateTime()
  declare provisionedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
