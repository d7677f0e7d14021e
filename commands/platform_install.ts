import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/*
 * `node ace platform:install --email=owner@example.com`: creates the root tenant and its
 * first owner on an empty installation (production starts with no tenants). The password
 * is asked for, or read from PLATFORM_OWNER_PASSWORD for unattended installs.
 */
export default class PlatformInstall extends BaseCommand {
  static commandName = 'platform:install'
  static description = 'Create the platform (root tenant) and its first owner on an empty database'
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'Owner e-mail', required: true })
  declare email: string

  @flags.string({ description: 'Owner full name', default: 'Platform owner' })
  declare fullName: string

  @flags.string({ description: 'Platform name', default: 'Platform' })
  declare platformName: string

  async run() {
    const { installPlatform, MIN_OWNER_PASSWORD } =
      await import('#app/platform/actions/install_platform')
    const password =
      process.env.PLATFORM_OWNER_PASSWORD ??
      (await this.prompt.secure(`Owner password (at least ${MIN_OWNER_PASSWORD} characters)`)) ??
      ''
    const db = await this.app.container.make('lucid.db')
    const result = await installPlatform(db, {
      email: this.email,
      fullName: this.fullName,
      name: this.platformName,
      password,
    })
    if (!result.ok) {
      this.logger.error(
        result.error === 'root_exists'
          ? 'The platform is already installed'
          : `The password must have at least ${MIN_OWNER_PASSWORD} characters`
      )
      this.exitCode = 1
      return
    }
    this.logger.success(`Platform installed; sign in at your PLATFORM_DOMAIN as ${this.email}`)
  }
}
