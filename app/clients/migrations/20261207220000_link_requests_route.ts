import { BaseSchema } from '@adonisjs/lucid/schema'

/*
 * "Requests" is the word of the logistics and POS requests to come (issue #12 §4): the staff page
 * of access requests is now `cabinet.link_requests.index` at /cabinet/link-requests. Saved menus
 * name the page by its route, and notifications keep the link they were sent with.
 */
export default class extends BaseSchema {
  async up() {
    this.defer(async (db) => {
      await db.rawQuery(
        `update tenant_menus
            set items = replace(items::text, '"cabinet.requests.index"', '"cabinet.link_requests.index"')::jsonb
          where items::text like '%"cabinet.requests.index"%'`
      )
      // Notifications sit behind RLS: tenant by tenant.
      const tenants = (await db.from('tenants').select('id')) as Array<{ id: number }>
      for (const { id } of tenants) {
        await db.rawQuery(`select set_config('app.tenant_id', ?, true)`, [String(id)])
        await db.rawQuery(
          `update notifications set link = '/cabinet/link-requests' where link = '/cabinet/requests'`
        )
      }
      await db.rawQuery(`select set_config('app.tenant_id', '', true)`)
    })
  }

  async down() {
    this.defer(async (db) => {
      await db.rawQuery(
        `update tenant_menus
            set items = replace(items::text, '"cabinet.link_requests.index"', '"cabinet.requests.index"')::jsonb`
      )
    })
  }
}
