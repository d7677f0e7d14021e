import { BaseSchema } from '@adonisjs/lucid/schema'

/* Issue #4 §3: per-tenant address ranges the staff cabinet accepts (empty: any). */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('tenants', (table) => {
      table.specificType('staff_ip_ranges', 'text[]').notNullable().defaultTo('{}')
    })
  }

  async down() {
    this.schema.alterTable('tenants', (table) => table.dropColumn('staff_ip_ranges'))
  }
}
