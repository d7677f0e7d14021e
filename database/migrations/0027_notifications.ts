import { BaseSchema } from '@adonisjs/lucid/schema'
import { tenantIsolationSql } from '#app/core/database/tenant_isolation'
import { grantAlongside } from '#app/access/grant_alongside'

/*
 * Notifications (issue #4 §9). One row per recipient of an event: what happened (type and the
 * parameters its text needs, never rendered text, so each reader sees it in their language), where
 * it leads, whether it sits in the in-app centre (read or not) and what became of its e-mail.
 * Staff read the same rows as the history of what was sent to whom.
 *
 * Preferences: a row only where a person changed the default of an event type.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('notifications', (table) => {
      table.bigIncrements('id', { primaryKey: false })
      table.bigInteger('tenant_id').notNullable().references('id').inTable('tenants')
      table.bigInteger('user_id').notNullable()
      table.text('type').notNullable()
      table.jsonb('params').notNullable().defaultTo('{}')
      /** A path on the tenant's own domain, or null. */
      table.text('link').nullable()
      table.boolean('in_app').notNullable()
      table.timestamp('read_at', { useTz: true }).nullable()
      /** null: not mailed (preference off); queued, sent, failed. */
      table.text('email_status').nullable()
      table.text('email_to').nullable()
      table.text('email_error').nullable()
      table.timestamp('emailed_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.primary(['tenant_id', 'id'])
      table
        .foreign(['tenant_id', 'user_id'])
        .references(['tenant_id', 'id'])
        .inTable('users')
        .onDelete('cascade')
      table.index(['tenant_id', 'created_at'])
    })
    this.schema.createTable('notification_preferences', (table) => {
      table.bigInteger('tenant_id').notNullable().references('id').inTable('tenants')
      table.bigInteger('user_id').notNullable()
      table.text('type').notNullable()
      table.boolean('in_app').notNullable()
      table.boolean('email').notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.primary(['tenant_id', 'user_id', 'type'])
      table
        .foreign(['tenant_id', 'user_id'])
        .references(['tenant_id', 'id'])
        .inTable('users')
        .onDelete('cascade')
    })
    this.defer(async (db) => {
      // The centre's list and its unread badge: a person's newest rows, the unread ones apart.
      await db.rawQuery(
        `create index notifications_inbox on notifications (tenant_id, user_id, id desc) where in_app`
      )
      await db.rawQuery(
        `create index notifications_unread on notifications (tenant_id, user_id)
          where in_app and read_at is null`
      )
      await db.rawQuery(
        `alter table notifications add constraint notifications_email_status_check
          check (email_status in ('queued', 'sent', 'failed'))`
      )
      for (const table of ['notifications', 'notification_preferences']) {
        for (const sql of tenantIsolationSql(table)) await db.rawQuery(sql)
      }
      // Who reads the mail log reads the notification history too.
      await grantAlongside(db, 'notifications.history.view', 'mail.log.view')
    })
  }

  async down() {
    this.schema.dropTable('notification_preferences')
    this.schema.dropTable('notifications')
  }
}
