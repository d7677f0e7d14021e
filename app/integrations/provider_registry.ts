/*
 * Every provider type, by key. A provider belongs to the module that uses it and is declared in
 * that module's `providers.ts` (the fuel supplier in fuel, the PSP in pos, the bank and 1C in
 * billing); integrations keeps the machinery (vault, outbound client, breaker, SSRF guard) and
 * finds the types here, so adding one never edits a central list.
 */
import type { ProviderType } from '#app/integrations/provider_type'
import { importFromModules } from '#app/core/modules/discover'

const declared = await importFromModules<{ default: ProviderType[] }>('providers.ts')

export const PROVIDER_TYPES: ReadonlyMap<string, ProviderType> = (() => {
  const types = new Map<string, ProviderType>()
  for (const { module, exports } of declared) {
    for (const type of exports.default) {
      if (types.has(type.key))
        throw new Error(`Provider ${type.key} of ${module} is declared twice`)
      types.set(type.key, type)
    }
  }
  return types
})()

export const PROVIDER_KEYS = [...PROVIDER_TYPES.keys()]
