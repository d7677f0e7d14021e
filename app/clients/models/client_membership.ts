import { column } from '@adonisjs/lucid/orm'
import type { DateTime } from 'luxon'
import { TenantModel } from '#app/core/database/tenant_model'

/*
 * A person acting for a client, in one of the tenant's client roles (SPEC §2). The key is
 * (tenant, client, user): change or remove memberships with queries on both ids, never by
 * saving or deleting an instance (Lucid knows one primary key column).
 */
export default class ClientMembership extends TenantModel {
  static table = 'client_memberships'

  @column({ isPrimary: true })
  declare clientId: number

  @column()
  declare userId: number

  @column()
  declare roleId: number

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
