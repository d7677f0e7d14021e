/*
 * The demo tenants' connections to the sandbox providers (issue #4 §5), for the modules' demo
 * seeders: each connects the demo tenants that use its provider. Only outside production, when
 * the sandbox runs (SANDBOX_URL) and credentials can be sealed (VAULT_KEYS).
 */
import type { Database } from '@adonisjs/lucid/database'
import env from '#start/env'
import type { DemoTenantRef } from '#app/core/modules/demo'
import { vaultKeyRing } from '#app/vault/vault'
import { PROVIDER_TYPES } from '#app/integrations/provider_registry'
import { SaveCredential } from '#app/integrations/actions/save_credential'
import { SANDBOX_CREDENTIALS, SANDBOX_PREFIXES } from '#app/integrations/sandbox/sandbox_server'

export function sandboxAvailable(): boolean {
  return Boolean(env.get('SANDBOX_URL') && vaultKeyRing())
}

// The database comes from the seeder: the server seeds from an `app.booted` hook, and a service
// module (`services/db`) first imported there would never see its own booted hook run.
export async function connectToSandbox(
  db: Database,
  tenant: DemoTenantRef,
  provider: string,
  options: { shareWithSubagents?: boolean; codeMaps?: Record<string, Record<string, string>> } = {}
) {
  if (!sandboxAvailable()) return false
  await tenant.run(async () => {
    const result = await new SaveCredential().handle(
      tenant.id,
      PROVIDER_TYPES.get(provider)!,
      {
        settings: {
          baseUrl: `${env.get('SANDBOX_URL')}/${SANDBOX_PREFIXES[provider]}`,
          ...SANDBOX_CREDENTIALS[provider],
        },
        shareWithSubagents: options.shareWithSubagents ?? false,
      },
      tenant.adminId
    )
    if (!result.ok) throw new Error(`Demo connection ${tenant.slug}/${provider}: ${result.error}`)
    if (options.codeMaps) {
      await db
        .from('integration_credentials')
        .where({ tenant_id: tenant.id, provider })
        .update({ code_maps: JSON.stringify(options.codeMaps) })
    }
  })
  return true
}
