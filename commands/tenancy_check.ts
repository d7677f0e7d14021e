import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/* `node ace tenancy:check`: exits non-zero on any gap in the database wall. */
export default class TenancyCheck extends BaseCommand {
  static commandName = 'tenancy:check'
  static description = 'Verify RLS, composite keys and the runtime role from the catalog'
  static options: CommandOptions = { startApp: true }

  async run() {
    const { checkTenancy } = await import('#app/tenancy/tenancy_check')
    const db = await this.app.container.make('lucid.db')
    const runtimeUrl = new URL(process.env.DATABASE_URL ?? '')
    const runtimeRole = decodeURIComponent(runtimeUrl.username)
    const gaps = await checkTenancy(db.connection('owner'), runtimeRole)
    if (gaps.length === 0) {
      this.logger.success(`tenancy:check passed (runtime role ${runtimeRole})`)
      return
    }
    for (const gap of gaps) this.logger.error(`${gap.table}: ${gap.problem}`)
    this.exitCode = 1
  }
}
