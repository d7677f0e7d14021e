import { BaseSchema } from '@adonisjs/lucid/schema'
import { grantAlongside } from '#app/access/grant_alongside'
import { kindPresets } from '#app/platform/kind_presets'
import type { TenantKind } from '#tenants/types'

/*
 * Menus as data per tenant and audience (issue #4 §2). A catalog table, like tenant_modules
 * (ADR 0014): the tenant registry reads every tenant's menu into its snapshot before a tenant
 * is known, and a menu names pages and labels, never client data. Tenants provisioned before
 * get their kind's starting menu, as provisioning gives new ones.
 */
export default class extends BaseSchema {
  protected tableName = 'tenant_menus'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigInteger('tenant_id').notNullable().references('id').inTable('tenants')
      table.text('audience').notNullable()
      table.jsonb('items').notNullable().defaultTo('[]')
      // False once the parent pushed its menu and kept the copy to itself.
      table.boolean('editable').notNullable().defaultTo(true)
      table.bigInteger('updated_by').nullable()
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.primary(['tenant_id', 'audience'])
    })
    this.defer(async (db) => {
      await db.rawQuery(
        `alter table tenant_menus add constraint tenant_menus_audience_check
           check (audience in ('staff', 'client'))`
      )
      const tenants = (await db.from('tenants').select('id', 'kind')) as Array<{
        id: number
        kind: TenantKind
      }>
      for (const tenant of tenants) {
        const menus = (await kindPresets())[tenant.kind].menus
        for (const audience of ['staff', 'client'] as const) {
          await db.table('tenant_menus').insert({
            tenant_id: tenant.id,
            audience,
            items: JSON.stringify(menus[audience]),
          })
        }
      }
      // Whoever shapes roles shapes what they see.
      await grantAlongside(db, 'menus.menus.manage', 'access.roles.manage')
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
