/*
 * What a module keeps about every tenant in the registry's snapshot (issue #12 §5): a module
 * declares it in `app/<module>/tenant_data.ts` — a key, how to load it for all tenants in one
 * query, and what a tenant without any gets — and merges the key's type into ModuleTenantData
 * (`declare module '#app/tenancy/module_tenant_data'`). The registry loads every module's with the
 * snapshot, so `ctx.tenant.<key>` costs no query per request and the registry names no module.
 */
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { importFromModules } from '#app/core/modules/discover'

// Filled by declaration merging: `menus` (app/menus/tenant_data.ts), …
export interface ModuleTenantData {}

export interface TenantDataLoader<Key extends keyof ModuleTenantData = keyof ModuleTenantData> {
  key: Key
  /** Every tenant's, in one query, by tenant id. */
  load(connection: QueryClientContract): Promise<Map<number, ModuleTenantData[Key]>>
  /** A tenant with none. */
  empty(): ModuleTenantData[Key]
}

export function defineTenantData<Key extends keyof ModuleTenantData>(
  loader: TenantDataLoader<Key>
): TenantDataLoader<Key> {
  return loader
}

let loaders: Promise<TenantDataLoader[]> | null = null

/** Every module's loader, found once per process. */
export function tenantDataLoaders(): Promise<TenantDataLoader[]> {
  loaders ??= importFromModules<{ default: TenantDataLoader }>('tenant_data.ts').then((found) =>
    found.map(({ exports }) => exports.default)
  )
  return loaders
}
