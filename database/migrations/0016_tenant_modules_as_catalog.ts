import { BaseSchema } from '@adonisjs/lucid/schema'

/*
 * Modules switched on per tenant are read like packages: a tenant's modules are its own
 * switched-on ones within its parent's, computed live in the tenant registry before any tenant
 * is known (issue #4 §1). So `tenant_modules` becomes a catalog table (ADR 2): it names module
 * keys per tenant and holds no client data.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('tenant_modules', (table) => {
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
    })
    this.defer(async (db) => {
      await db.rawQuery('drop policy if exists tenant_modules_tenant_isolation on tenant_modules')
      await db.rawQuery('alter table tenant_modules no force row level security')
      await db.rawQuery('alter table tenant_modules disable row level security')
    })
  }

  async down() {
    this.defer(async (db) => {
      await db.rawQuery('alter table tenant_modules enable row level security')
      await db.rawQuery('alter table tenant_modules force row level security')
      await db.rawQuery(
        `create policy tenant_modules_tenant_isolation on tenant_modules
           using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::bigint)
           with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::bigint)`
      )
    })
    this.schema.alterTable('tenant_modules', (table) => table.dropColumn('updated_at'))
  }
}
