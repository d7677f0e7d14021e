/*
 * The integrations page's cards: per provider this tenant can use, its fields, its own
 * credential (masked) or the ancestor's it inherits, and its code mappings. Two queries for the
 * whole page, however many providers: no query per card.
 */
import app from '@adonisjs/core/services/app'
import type { ResolvedTenant } from '#app/tenancy/tenant_registry'
import type { ProviderType } from '#app/integrations/provider_type'
import { providerTypesOf } from '#app/integrations/provider_registry'
import {
  maskedView,
  pickCredential,
  usableCredentials,
  type CredentialRow,
} from '#app/integrations/credential_vault'
import DictionaryEntry from '#app/tenancy/models/dictionary_entry'

/* The dictionary entries the given providers map, in one query. */
export async function dictionaryEntriesOf(types: ProviderType[]) {
  const dictionaries = types.flatMap((type) => type.mappedDictionaries)
  if (dictionaries.length === 0) return []
  return DictionaryEntry.query().whereIn('dictionary', dictionaries).orderBy('position')
}

/* Each dictionary the provider maps: our entries, each with the provider's code if mapped. */
export function mappingsOf(
  type: ProviderType,
  row: CredentialRow | null,
  entries: DictionaryEntry[]
) {
  return type.mappedDictionaries.map((dictionary) => ({
    dictionary,
    entries: entries
      .filter((entry) => entry.dictionary === dictionary)
      .map((entry) => ({
        code: entry.code,
        label: entry.label,
        external: row?.code_maps?.[dictionary]?.[entry.code] ?? '',
      })),
  }))
}

export async function providerCards(tenant: ResolvedTenant) {
  const registry = await app.container.make('tenancy.registry')
  const usable = await usableCredentials(tenant)
  const entries = await dictionaryEntriesOf(providerTypesOf(tenant))
  const providers = []
  for (const type of providerTypesOf(tenant)) {
    const effective = pickCredential(usable, tenant, type.key)
    const own = effective && Number(effective.tenant_id) === tenant.id ? effective : null
    const inherited = own ? null : effective
    providers.push({
      key: type.key,
      label: type.label,
      fields: type.fields.map((field) => ({
        name: field.name,
        label: field.label,
        kind: field.kind,
        required: field.required,
        choices: field.choices ?? [],
        placeholder: field.placeholder ?? '',
      })),
      own: own ? maskedView(own, type) : null,
      mappings: mappingsOf(type, own ?? inherited, entries),
      inheritedFrom: inherited
        ? ((await registry.tenant(Number(inherited.tenant_id)))?.name ?? '')
        : null,
    })
  }
  return providers
}
