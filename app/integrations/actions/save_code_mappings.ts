/*
 * A tenant's codes for a provider (issue #4 §4): for each dictionary the provider maps, the
 * provider's code of each of our entries; a blank removes the mapping, and a dictionary or an
 * entry the provider does not map is refused. The caller has found the tenant's own credential
 * and demanded a recent password; it audits the change.
 */
import type { ProviderType } from '#app/integrations/provider_type'
import type { CredentialRow } from '#app/integrations/credential_vault'
import type { CodeMaps } from '#app/integrations/code_mapping'
import { dictionaryEntriesOf, mappingsOf } from '#app/integrations/queries/provider_cards'
import IntegrationCredential from '#app/integrations/models/integration_credential'

export type CodeMappingsSave =
  { ok: true; maps: CodeMaps } | { ok: false; dictionary: string; unknown: string }

export class SaveCodeMappings {
  async handle(
    type: ProviderType,
    row: CredentialRow,
    maps: Record<string, Record<string, string | undefined>>
  ): Promise<CodeMappingsSave> {
    const known = mappingsOf(type, null, await dictionaryEntriesOf([type]))
    const next: CodeMaps = {}
    for (const [dictionary, codes] of Object.entries(maps)) {
      const entries = known.find((candidate) => candidate.dictionary === dictionary)?.entries
      const unknown = entries
        ? Object.keys(codes).find((code) => !entries.some((entry) => entry.code === code))
        : dictionary
      if (unknown !== undefined) return { ok: false, dictionary, unknown }
      next[dictionary] = Object.fromEntries(
        Object.entries(codes).filter((pair): pair is [string, string] => !!pair[1])
      )
    }
    await IntegrationCredential.query()
      .where('id', row.id)
      .update({ code_maps: JSON.stringify(next), updated_at: new Date() })
    return { ok: true, maps: next }
  }
}
