import { BaseSchema } from '@adonisjs/lucid/schema'
import { tenantIsolationSql } from '#app/core/database/tenant_isolation'
import { grantAlongside } from '#app/access/grant_alongside'

/* Issue #4 §8: what each tenant sent to whom, and whether the mail server took it. */
export default class extends BaseSchema {
  protected tableName = 'mail_log'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id', { primaryKey: false })
      table.bigInteger('tenant_id').notNullable().references('id').inTable('tenants')
      table.text('kind').nullable()
      table.text('to_address').notNullable()
      table.text('subject').notNullable()
      table.text('status').notNullable()
      table.text('error').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.primary(['tenant_id', 'id'])
      table.index(['tenant_id', 'created_at'])
    })
    this.defer(async (db) => {
      await db.rawQuery(
        `alter table mail_log add constraint mail_log_status_check check (status in ('sent', 'failed'))`
      )
      for (const sql of tenantIsolationSql(this.tableName)) await db.rawQuery(sql)
      // Whoever reads the audit log may read what was mailed.
      await grantAlongside(db, 'mail.log.view', 'access.audit.view')
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
