/*
 * The demo tenants' connections to the sandbox providers (issue #4 §5): the fuel reseller to its
 * supplier, bank and 1C; the POS broker to a payment company, shared with its agents, with its
 * collection-reason codes; the others to the bank. Seeded only outside production, when the
 * sandbox runs (SANDBOX_URL) and credentials can be sealed (VAULT_KEYS).
 */
import type { Database } from '@adonisjs/lucid/database'
import env from '#start/env'
import { runInTenant } from '#app/core/database/tenant_context'
import { vaultKeyRing } from '#app/vault/vault'
import { PROVIDER_TYPES } from '#app/integrations/provider_registry'
import { SaveCredential } from '#app/integrations/actions/save_credential'
import { SANDBOX_CREDENTIALS, SANDBOX_PREFIXES } from '#app/integrations/sandbox/sandbox_server'

type Provider = keyof typeof SANDBOX_PREFIXES

const CONNECTIONS: Record<string, Provider[]> = {
  fuel: ['fuel_supplier', 'bank', 'accounting_1c'],
  rail: ['bank'],
  pos: ['psp'],
  repair: ['bank'],
}

/* The PSP's codes for our collection reasons (SPEC §6.4: "internal 1 → PSP-A 1"). */
const PSP_COLLECTION_CODES = { merchant_request: '1', low_turnover: '2', fault: '3' }

export async function connectDemoProviders(
  db: Database,
  tenants: ReadonlyMap<string, { id: number; adminId: number }>
) {
  const sandboxUrl = env.get('SANDBOX_URL')
  if (!sandboxUrl || !vaultKeyRing()) return false
  for (const [slug, providers] of Object.entries(CONNECTIONS)) {
    const tenant = tenants.get(slug)
    if (!tenant) continue
    await runInTenant(db, tenant.id, async () => {
      for (const provider of providers) {
        const result = await new SaveCredential().handle(
          tenant.id,
          PROVIDER_TYPES.get(provider)!,
          {
            settings: {
              baseUrl: `${sandboxUrl}/${SANDBOX_PREFIXES[provider]}`,
              ...SANDBOX_CREDENTIALS[provider],
            },
            // Agents and their sub-agents use the broker's payment company unless they sign their own.
            shareWithSubagents: provider === 'psp',
          },
          tenant.adminId
        )
        if (!result.ok) throw new Error(`Demo connection ${slug}/${provider}: ${result.error}`)
      }
      if (providers.includes('psp')) {
        await db
          .from('integration_credentials')
          .where({ tenant_id: tenant.id, provider: 'psp' })
          .update({
            code_maps: JSON.stringify({ terminal_collection_reasons: PSP_COLLECTION_CODES }),
          })
      }
    })
  }
  return true
}
