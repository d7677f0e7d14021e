import { column } from '@adonisjs/lucid/orm'
import type { DateTime } from 'luxon'
import { TenantModel } from '#app/core/database/tenant_model'

/* A single-use second-factor recovery code, kept only as its SHA-256 (primary key: tenant, user, hash). */
export default class RecoveryCode extends TenantModel {
  static table = 'recovery_codes'

  @column({ isPrimary: true })
  declare userId: number

  @column({ serializeAs: null })
  declare codeHash: Buffer

  @column.dateTime()
  declare usedAt: DateTime | null
}
