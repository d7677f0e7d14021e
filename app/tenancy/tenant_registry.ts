/*
 * In-memory snapshot of the tenant tree and its domains: host -> tenant resolution with
 * no database query per request once warm. Any change to tenants, domains or brands calls
 * `invalidate()` after commit; other processes hear it on the Redis bus when REDIS_URL is set.
 * The snapshot is complete, so an unknown host is answered from memory too (fail closed).
 */
import type { Database } from '@adonisjs/lucid/database'
import type { Calendar, Locale } from '#app/core/i18n/locales'
import type { TenantKind } from '#tenants/types'
import type { EffectiveBrand } from '#app/brand/brand_tokens'
import { moduleCatalog } from '#app/core/modules/registry'
import { identityOf, loadTenantRows, type TenantRow } from '#app/tenancy/loaders/tenants'
import { loadDomains } from '#app/tenancy/loaders/domains'
import { brandsOf } from '#app/tenancy/loaders/brands'
import { mailFallbackOf } from '#app/tenancy/loaders/mail'
import { loadEnabledModules } from '#app/tenancy/loaders/modules'
import { loadAccess, type TenantAccess } from '#app/tenancy/loaders/access'
import {
  tenantDataLoaders,
  type ModuleTenantData,
  type TenantDataLoader,
} from '#app/tenancy/module_tenant_data'

/*
 * A tenant as the registry holds it. Each concern is one loader under `loaders/` and, past the
 * tenant's own columns, one sub-object here (as `brand` is), so a concern grows inside its own;
 * a module adds its own sub-object through ModuleTenantData (app/tenancy/module_tenant_data.ts).
 */
export interface ResolvedTenant extends ModuleTenantData {
  id: number
  parentId: number | null
  slug: string
  name: string
  kind: TenantKind
  status: 'active' | 'disabled'
  path: string
  depth: number
  locale: Locale
  timeZone: string
  currency: string
  calendar: Calendar
  isPlatform: boolean
  brand: EffectiveBrand
  /** Hostname of the primary active domain: links in mails and redirects use it. */
  primaryHost: string | null
  /** Its ceiling, package and staff sign-in rules (second factor, address ranges). */
  access: TenantAccess
  /** The business modules switched on here, within the parent's (the platform's are always on). */
  modules: ReadonlySet<string>
  /** Its mail may go through the platform's mail server when it has no SMTP of its own. */
  mailPlatformFallback: boolean
}

type TenantDataLoaderKey = keyof ModuleTenantData

/** One tenant's share of what the modules loaded, or each module's empty value. */
function moduleDataOf(
  id: number,
  loaders: TenantDataLoader[],
  loaded: Map<TenantDataLoaderKey, Map<number, unknown>>
): ModuleTenantData {
  const data: Record<string, unknown> = {}
  for (const loader of loaders) {
    data[loader.key] = loaded.get(loader.key)?.get(id) ?? loader.empty()
  }
  // Each module that merges a key into ModuleTenantData declares its loader beside it.
  return data as unknown as ModuleTenantData
}

interface Snapshot {
  tenants: Map<number, ResolvedTenant>
  hosts: Map<string, number>
}

export interface InvalidationBus {
  publish(): Promise<void>
  close(): Promise<void>
}

export class TenantRegistry {
  #snapshot: Snapshot | null = null
  #loading: Promise<Snapshot> | null = null
  #generation = 0
  #bus: InvalidationBus | null = null
  /** Number of snapshot loads, for tests and diagnostics. */
  loads = 0

  constructor(private db: Database) {}

  useBus(bus: InvalidationBus) {
    this.#bus = bus
  }

  async closeBus() {
    await this.#bus?.close()
    this.#bus = null
  }

  /** The active tenant serving `host`, or null. Disabled tenants and domains resolve to null. */
  async resolveHost(host: string | null): Promise<ResolvedTenant | null> {
    if (!host) return null
    const snapshot = await this.#current()
    const tenantId = snapshot.hosts.get(host)
    if (tenantId === undefined) return null
    const tenant = snapshot.tenants.get(tenantId)
    return tenant && tenant.status === 'active' ? tenant : null
  }

  async isActiveHost(host: string | null): Promise<boolean> {
    return (await this.resolveHost(host)) !== null
  }

  async tenant(id: number): Promise<ResolvedTenant | null> {
    return (await this.#current()).tenants.get(id) ?? null
  }

  async all(): Promise<ResolvedTenant[]> {
    return [...(await this.#current()).tenants.values()]
  }

  /** Marks the snapshot stale here and, through the bus, in every other process. */
  async invalidate() {
    this.invalidateLocally()
    await this.#bus?.publish()
  }

  invalidateLocally() {
    this.#generation++
    this.#snapshot = null
  }

  async #current(): Promise<Snapshot> {
    if (this.#snapshot) return this.#snapshot
    if (!this.#loading) {
      const generation = this.#generation
      this.#loading = this.#load().then(
        (snapshot) => {
          this.#loading = null
          // A change that landed while loading makes this snapshot stale at birth.
          if (generation === this.#generation) this.#snapshot = snapshot
          return snapshot
        },
        (error) => {
          this.#loading = null
          throw error
        }
      )
    }
    return this.#loading
  }

  async #load(): Promise<Snapshot> {
    this.loads++
    const connection = this.db.connection()
    const catalog = await moduleCatalog()
    // One after the other: inside a request the connection is its transaction's single
    // client, which must not be asked two things at once.
    const rows = await loadTenantRows(connection)
    const { hosts, primaryHosts } = await loadDomains(connection)
    const modules = await loadEnabledModules(connection, rows, catalog)
    const access = await loadAccess(connection, rows, modules, catalog)
    const dataLoaders = await tenantDataLoaders()
    const moduleData = new Map<TenantDataLoaderKey, Map<number, unknown>>()
    for (const loader of dataLoaders) {
      moduleData.set(loader.key, await loader.load(connection))
    }
    const byId = new Map<number, TenantRow>(rows.map((row) => [Number(row.id), row]))
    const brands = brandsOf(rows, byId)
    const mailFallback = mailFallbackOf(rows, byId)

    const tenants = new Map<number, ResolvedTenant>()
    for (const row of rows) {
      const id = Number(row.id)
      tenants.set(id, {
        ...identityOf(row, byId),
        brand: brands.get(id)!,
        primaryHost: primaryHosts.get(id) ?? null,
        access: access.get(id)!,
        modules: modules.get(id) ?? new Set(),
        mailPlatformFallback: mailFallback.get(id) ?? false,
        ...moduleDataOf(id, dataLoaders, moduleData),
      })
    }
    return { tenants, hosts }
  }
}
