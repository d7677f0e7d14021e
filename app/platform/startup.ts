/*
 * On server start: migrate (as the owner role) and seed the demo once, unless told not to.
 * AUTO_MIGRATE=false leaves both to the operator (`node ace migration:run`).
 */
import type { ApplicationService } from '@adonisjs/core/types'
import env from '#start/env'
import { migrateAsOwner } from '#app/core/database/startup'
import { moduleCatalog } from '#app/core/modules/registry'
import { rollOutPermissions } from '#app/access/permission_rollout'

/** Migrations, then the permissions modules declared since the installation began. */
export async function migrateAndRollOut(app: ApplicationService) {
  await migrateAsOwner(app)
  const db = await app.container.make('lucid.db')
  const catalog = await moduleCatalog()
  await db.connection('owner').transaction((trx) => rollOutPermissions(trx, catalog))
}

export async function prepareSchemaAndDemo(app: ApplicationService) {
  if (!env.get('AUTO_MIGRATE', true)) return
  await migrateAndRollOut(app)
  if (app.inProduction) return
  const db = await app.container.make('lucid.db')
  const { seedDemo } = await import('#app/platform/demo/seed_demo')
  await seedDemo(db, { production: false, password: env.get('DEMO_PASSWORD') })
}
