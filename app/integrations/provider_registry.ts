/*
 * Every provider type, by key. A provider belongs to the module that uses it and is declared in
 * that module's `providers.ts` (the fuel supplier in fuel, the PSP in pos, the bank and 1C in
 * billing); integrations keeps the machinery (vault, outbound client, breaker, SSRF guard) and
 * finds the types here, so adding one never edits a central list.
 */
import type { ProviderType } from '#app/integrations/provider_type'
import { importFromModules } from '#app/core/modules/discover'
import type { HttpContext } from '@adonisjs/core/http'
import { notFound } from '#app/core/http/params'

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

/* The provider types a tenant can use: the platform's own, and those of its modules. */
export function providerTypesOf(tenant: { modules: ReadonlySet<string> }): ProviderType[] {
  return [...PROVIDER_TYPES.values()].filter(
    (type) => type.module === null || tenant.modules.has(type.module)
  )
}

/** The provider named in the route, if this tenant has its module; else it is not here. */
export function providerOr404(ctx: HttpContext): ProviderType {
  const type = providerTypesOf(ctx.tenant).find(
    (candidate) => candidate.key === ctx.params.provider
  )
  if (!type) throw notFound()
  return type
}
