/* Migrations run as the owner role (the runtime role may not change the schema). */
import type { ApplicationService } from '@adonisjs/core/types'
import { MigrationRunner } from '@adonisjs/lucid/migration'

export async function migrateAsOwner(app: ApplicationService) {
  const db = await app.container.make('lucid.db')
  const runner = new MigrationRunner(db, app, { direction: 'up', connectionName: 'owner' })
  await runner.run()
  if (runner.error) throw runner.error
  return runner.migratedFiles
}
