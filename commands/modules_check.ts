import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/* `node ace modules:check`: exits non-zero when a module is not one folder (issue #12 §1). */
export default class ModulesCheck extends BaseCommand {
  static commandName = 'modules:check'
  static description =
    'Verify that nothing central names a business module, and modules keep their own'
  static options: CommandOptions = { startApp: true }

  async run() {
    const { checkModules } = await import('#app/platform/modules_check')
    const { moduleCatalog } = await import('#app/core/modules/registry')
    const { unknownManifestIcons } = await import('#app/menus/icons')
    const catalog = await moduleCatalog()
    const business = [...catalog.toggleableModules]
    const problems = [
      ...checkModules(this.app.appRoot.pathname, business),
      // A menu entry or group names an icon lucide does not have.
      ...unknownManifestIcons(catalog).map(({ module, problem }) => ({
        file: `app/${module}/module.ts`,
        problem: `no lucide icon of that name: ${problem}`,
      })),
    ]
    if (problems.length === 0) {
      this.logger.success(`modules:check passed (${business.length} business modules)`)
      return
    }
    for (const { file, problem } of problems) this.logger.error(`${file}: ${problem}`)
    this.exitCode = 1
  }
}
