/*
 * In-memory snapshot of the tenant tree and its domains: host -> tenant resolution with
 * no database query per request once warm. Any change to tenants, domains or brands calls
 * `invalidate()` after commit; other processes hear it on the Redis bus when REDIS_URL is set.
 * The snapshot is complete, so an unknown host is answered from memory too (fail closed).
 */
import type { Database } from '@adonisjs/lucid/database'
import type { Calendar, Locale } from '#app/core/i18n/locales'
import type { BrandTokens, TenantKind } from '#tenants/types'
import { effectiveBrand, type EffectiveBrand } from '#app/brand/brand_tokens'
import { computeCeilings } from '#app/access/ceiling'
import { moduleCatalog } from '#app/core/modules/registry'
import { IpRanges } from '#app/tenancy/trusted_proxies'
import type { Audience, MenuNode, MenuSet } from '#app/menus/menu_tree'

export interface ResolvedTenant {
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
  /** Every permission this tenant (and so any role in it) may hold: see app/access/ceiling.ts. */
  ceiling: ReadonlySet<string>
  packageId: number | null
  /** Staff must sign in with a second factor (TOTP) on this tenant. */
  staffTwoFactorRequired: boolean
  /** The business modules switched on here, within the parent's (the platform's are always on). */
  modules: ReadonlySet<string>
  /** Addresses the staff cabinet accepts; empty: any (issue #4 §3). */
  staffIpRanges: readonly string[]
  staffIpAllowList: IpRanges | null
  /** Its mail may go through the platform's mail server when it has no SMTP of its own. */
  mailPlatformFallback: boolean
  /** The menu of each audience, as the tenant built it (issue #4 §2). */
  menus: MenuSet
  /** False for an audience whose menu the parent pushed and keeps to itself. */
  menuEditable: Record<Audience, boolean>
}

function staffAllowList(entries: string[]): IpRanges | null {
  const valid = entries.filter((entry) => IpRanges.isValidEntry(entry))
  return valid.length ? new IpRanges(valid) : null
}

/*
 * A tenant's business modules: the root has every one; any other tenant those switched on for
 * it that its parent has too (parents first), so switching a module off for an agent takes it
 * from its whole subtree at once.
 */
export function computeEnabledModules(
  nodes: Array<{ id: number; parentId: number | null }>,
  rows: Array<{ tenant_id: number; module_key: string }>,
  toggleable: ReadonlySet<string>
): Map<number, Set<string>> {
  const own = new Map<number, Set<string>>()
  for (const row of rows) {
    const id = Number(row.tenant_id)
    if (!own.has(id)) own.set(id, new Set())
    own.get(id)!.add(row.module_key)
  }
  const result = new Map<number, Set<string>>()
  for (const node of nodes) {
    if (node.parentId === null) {
      result.set(node.id, new Set(toggleable))
      continue
    }
    const parent = result.get(node.parentId) ?? new Set<string>()
    result.set(node.id, new Set([...(own.get(node.id) ?? [])].filter((key) => parent.has(key))))
  }
  return result
}

interface TenantRow {
  id: string | number
  parent_id: string | number | null
  slug: string
  name: string
  kind: TenantKind
  status: 'active' | 'disabled'
  path: string
  depth: number
  locale: Locale
  time_zone: string
  currency: string
  calendar: Calendar
  brand: BrandTokens
  package_id: number | null
  staff_two_factor_required: boolean
  staff_ip_ranges: string[] | null
  mail_platform_fallback: boolean | null
}

interface PackageRow {
  id: number
  permissions: string[]
}

interface DomainRow {
  hostname: string
  tenant_id: string | number
  status: string
  is_primary: boolean
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
    // One after the other: inside a request the connection is its transaction's single
    // client, which must not be asked two things at once.
    const tenantRows = (await connection
      .from('tenants')
      .select('id', 'parent_id', 'slug', 'name', 'kind', 'status', 'depth', 'locale')
      .select('time_zone', 'currency', 'calendar', 'brand', 'package_id')
      .select('staff_two_factor_required', 'staff_ip_ranges', 'mail_platform_fallback')
      .select(connection.raw('path::text as path'))
      .orderBy('depth')) as TenantRow[]
    const domainRows = (await connection
      .from('domains')
      .whereIn('status', ['active'])
      .select('hostname', 'tenant_id', 'status', 'is_primary')) as DomainRow[]
    const packageRows = (await connection
      .from('permission_packages')
      .select('id', 'permissions')) as PackageRow[]
    const moduleRows = (await connection
      .from('tenant_modules')
      .where('enabled', true)
      .select('tenant_id', 'module_key')) as Array<{ tenant_id: number; module_key: string }>
    const menuRows = (await connection
      .from('tenant_menus')
      .select('tenant_id', 'audience', 'items', 'editable')) as Array<{
      tenant_id: string | number
      audience: Audience
      items: MenuNode[]
      editable: boolean
    }>
    const menus = new Map<number, { menus: MenuSet; editable: Record<Audience, boolean> }>()
    for (const row of menuRows) {
      const id = Number(row.tenant_id)
      if (!menus.has(id)) {
        menus.set(id, { menus: { staff: [], client: [] }, editable: { staff: true, client: true } })
      }
      menus.get(id)!.menus[row.audience] = row.items
      menus.get(id)!.editable[row.audience] = row.editable
    }
    const modules = await moduleCatalog()
    const catalog = modules.allPermissions
    const packages = new Map(packageRows.map((row) => [Number(row.id), new Set(row.permissions)]))
    const enabled = computeEnabledModules(
      tenantRows.map((row) => ({
        id: Number(row.id),
        parentId: row.parent_id === null ? null : Number(row.parent_id),
      })),
      moduleRows,
      modules.toggleableModules
    )
    const rawCeilings = computeCeilings(
      tenantRows.map((row) => ({
        id: Number(row.id),
        parentId: row.parent_id === null ? null : Number(row.parent_id),
        packagePermissions:
          row.package_id === null ? null : (packages.get(Number(row.package_id)) ?? null),
      })),
      catalog
    )
    // A switched-off module's permissions are held by nobody in that tenant (issue #4 §1).
    const ceilings = new Map<number, Set<string>>()
    for (const [id, ceiling] of rawCeilings) {
      const on = enabled.get(id) ?? new Set<string>()
      ceilings.set(id, new Set([...ceiling].filter((key) => modules.permissionAvailable(key, on))))
    }

    const byId = new Map<number, TenantRow>()
    for (const row of tenantRows) byId.set(Number(row.id), row)

    const primaryHosts = new Map<number, string>()
    const hosts = new Map<string, number>()
    for (const row of domainRows) {
      hosts.set(row.hostname.toLowerCase(), Number(row.tenant_id))
      if (row.is_primary) primaryHosts.set(Number(row.tenant_id), row.hostname.toLowerCase())
    }

    const byIdEarly = new Map(tenantRows.map((row) => [Number(row.id), row]))
    // Unset: as the parent agent decided (rows come parents first). The platform's own choice
    // is its own: an agent directly under it opts in itself or not at all.
    const mailFallback = new Map<number, boolean>()
    for (const row of tenantRows) {
      const parent = row.parent_id === null ? undefined : byIdEarly.get(Number(row.parent_id))
      const inherited =
        !parent || parent.parent_id === null
          ? false
          : (mailFallback.get(Number(parent.id)) ?? false)
      mailFallback.set(Number(row.id), row.mail_platform_fallback ?? inherited)
    }

    const tenants = new Map<number, ResolvedTenant>()
    for (const row of tenantRows) {
      const id = Number(row.id)
      const chain = []
      // Walk up to (not including) the root: the platform's brand is never inherited.
      for (let node: TenantRow | undefined = row; node;) {
        if (node.parent_id === null && node !== row) break
        chain.unshift({ tenantId: Number(node.id), name: node.name, brand: node.brand })
        node = node.parent_id === null ? undefined : byId.get(Number(node.parent_id))
      }
      // A tenant is served only when it and every ancestor are active.
      const ancestorsActive = row.path
        .split('.')
        .every((segment) => byId.get(Number(segment.slice(1)))?.status !== 'disabled')
      tenants.set(id, {
        id,
        parentId: row.parent_id === null ? null : Number(row.parent_id),
        slug: row.slug,
        name: row.name,
        kind: row.kind,
        status: row.status === 'active' && ancestorsActive ? 'active' : 'disabled',
        path: row.path,
        depth: row.depth,
        locale: row.locale,
        timeZone: row.time_zone,
        currency: row.currency,
        calendar: row.calendar,
        isPlatform: row.parent_id === null,
        brand: effectiveBrand(chain),
        primaryHost: primaryHosts.get(id) ?? null,
        ceiling: ceilings.get(id) ?? new Set(),
        packageId: row.package_id === null ? null : Number(row.package_id),
        staffTwoFactorRequired: row.staff_two_factor_required === true,
        modules: enabled.get(id) ?? new Set(),
        staffIpRanges: row.staff_ip_ranges ?? [],
        staffIpAllowList: staffAllowList(row.staff_ip_ranges ?? []),
        mailPlatformFallback: mailFallback.get(id) ?? false,
        menus: menus.get(id)?.menus ?? { staff: [], client: [] },
        menuEditable: menus.get(id)?.editable ?? { staff: true, client: true },
      })
    }
    return { tenants, hosts }
  }
}
