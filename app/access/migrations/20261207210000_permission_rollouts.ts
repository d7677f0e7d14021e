import { BaseSchema } from '@adonisjs/lucid/schema'

/*
 * Permissions that reached the roles of an installation provisioned before they existed
 * (app/access/permission_rollout.ts): one row per permission, so each rollout happens once and a
 * permission an administrator later takes away stays away. The five the baseline migrations
 * rolled out by hand are recorded as done.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('permission_rollouts', (table) => {
      table.text('permission').primary()
      table.text('alongside').notNullable()
      table.timestamp('applied_at', { useTz: true }).notNullable().defaultTo(this.now())
    })
    this.defer(async (db) => {
      await db.table('permission_rollouts').multiInsert([
        { permission: 'access.users.impersonate', alongside: 'access.users.manage' },
        { permission: 'mail.log.view', alongside: 'access.audit.view' },
        { permission: 'integrations.credentials.manage', alongside: 'access.roles.manage' },
        { permission: 'jobs.failures.manage', alongside: 'access.audit.view' },
        { permission: 'notifications.history.view', alongside: 'mail.log.view' },
      ])
    })
  }

  async down() {
    this.schema.dropTable('permission_rollouts')
  }
}
