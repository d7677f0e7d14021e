import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/* `node ace demo:seed`: seeds the demo platform once; refuses in production. */
export default class DemoSeed extends BaseCommand {
  static commandName = 'demo:seed'
  static description = 'Seed the demo tenants and users (never in production)'
  static options: CommandOptions = { startApp: true }

  async run() {
    const { seedDemo, DemoSeedRefused } = await import('#app/platform/demo/seed_demo')
    const db = await this.app.container.make('lucid.db')
    try {
      const result = await seedDemo(db, {
        production: this.app.inProduction,
        password: process.env.DEMO_PASSWORD,
      })
      this.logger.success(result.seeded ? 'Demo platform seeded' : 'Demo platform already present')
    } catch (error) {
      if (error instanceof DemoSeedRefused) {
        this.logger.error(error.message)
        this.exitCode = 1
        return
      }
      throw error
    }
  }
}
