import { BaseSchema } from '@adonisjs/lucid/schema'

/*
 * Tenant mail (issue #4 §8): a tenant's mail goes through its own SMTP credential (or the one it
 * inherits); the platform's mail server carries it only when the tenant opted in. `null`: as its
 * parent decided (sub-agents follow their agent); the platform's own mail always may.
 * Tenants that existed before keep sending as they did: the root and its direct children opt in.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('tenants', (table) => {
      table.boolean('mail_platform_fallback').nullable()
    })
    this.defer(async (db) => {
      await db.rawQuery(
        `update tenants set mail_platform_fallback = true
          where parent_id is null
             or parent_id in (select id from tenants where parent_id is null)`
      )
    })
  }

  async down() {
    this.schema.alterTable('tenants', (table) => table.dropColumn('mail_platform_fallback'))
  }
}
