import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/* `node ace vault:rotate`: re-seal every secret with the newest key of VAULT_KEYS. */
export default class VaultRotate extends BaseCommand {
  static commandName = 'vault:rotate'
  static description = 'Re-seal every stored secret with the newest credential key (resumable)'
  static options: CommandOptions = { startApp: true }

  async run() {
    const { vaultKeyRing } = await import('#app/vault/vault')
    const { rotateSealedSecrets } = await import('#app/vault/rotate')
    const ring = vaultKeyRing()
    if (!ring) {
      this.logger.error('VAULT_KEYS is not set: there is no key to rotate to')
      this.exitCode = 1
      return
    }
    const db = await this.app.container.make('lucid.db')
    const result = await rotateSealedSecrets(db, ring)
    this.logger.success(
      `vault:rotate: ${result.resealed} re-sealed with key ${ring.newestId} across ${result.tenants} tenants`
    )
    if (result.failed) {
      this.logger.error(`${result.failed} secrets open with no known key; left as they were`)
      this.exitCode = 1
    }
  }
}
