import { BaseSchema } from '@adonisjs/lucid/schema'
import { grantAlongside } from '#app/access/grant_alongside'

/*
 * `access.users.impersonate` is new: whoever manages people today may impersonate, lower rank
 * only (app/access/actions/impersonate.ts), like the presets give it to new tenants.
 */
export default class extends BaseSchema {
  async up() {
    this.defer(async (db) => {
      await grantAlongside(db, 'access.users.impersonate', 'access.users.manage')
    })
  }

  async down() {}
}
