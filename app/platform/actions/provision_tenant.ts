import { DateTime } from 'luxon'
import { asTenant, currentTenantScope } from '#app/core/database/tenant_context'
import Tenant from '#app/tenancy/models/tenant'
import Domain from '#app/tenancy/models/domain'
import Role from '#app/tenancy/models/role'
import DictionaryEntry from '#app/tenancy/models/dictionary_entry'
import { kindPresets } from '#app/platform/kind_presets'
import type { BrandTokens, TenantKind } from '#tenants/types'
import { platformHostFor } from '#app/platform/platform_domain'
import { invalidateRegistryAfterCommit } from '#app/tenancy/registry_invalidation'
import app from '@adonisjs/core/services/app'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { intersect } from '#app/access/ceiling'
import { moduleCatalog } from '#app/core/modules/registry'

export interface ProvisionTenantInput {
  parentId: number | null
  kind: TenantKind
  slug: string
  name: string
  brand?: BrandTokens
  /** A package of the parent's; the kind's default package of the parent when absent. */
  packageId?: number
}

export type ProvisionTenantResult =
  | { ok: true; tenant: Tenant }
  | { ok: false; error: 'parent_not_found' | 'slug_taken' | 'root_exists' }

/*
 * Creates a tenant under its parent and applies its kind preset once: modules, menus, roles,
 * starter dictionaries, locale defaults, and the `<slug>.<PLATFORM_DOMAIN>` domain.
 * Runs inside the caller's tenant transaction (request or seed); nothing is half-made.
 */
/*
 * The package a new child gets: its parent's package for that kind, created on first use
 * from the kind preset, and never wider than the parent's own ceiling (nobody grants more
 * than it holds).
 */
async function defaultPackageFor(
  trx: TransactionClientContract,
  parent: Tenant,
  kind: TenantKind
): Promise<number> {
  const presets = await kindPresets()
  const name = `${presets[kind].label.en} (default)`
  const existing = await trx
    .from('permission_packages')
    .where('owner_tenant_id', parent.id)
    .where('name', name)
    .first()
  if (existing) return Number(existing.id)
  const registry = await app.container.make('tenancy.registry')
  const parentCeiling =
    parent.parentId === null
      ? (await moduleCatalog()).allPermissions
      : ((await registry.tenant(parent.id))?.access.ceiling ?? new Set<string>())
  const wanted = new Set(presets[kind].roles.flatMap((role) => role.permissions))
  const [row] = await trx
    .table('permission_packages')
    .insert({
      owner_tenant_id: parent.id,
      name,
      permissions: [...intersect(wanted, parentCeiling)].sort(),
    })
    .returning('id')
  return Number(row.id)
}

export class ProvisionTenant {
  async handle(input: ProvisionTenantInput): Promise<ProvisionTenantResult> {
    const scope = currentTenantScope()
    if (!scope) throw new Error('ProvisionTenant runs inside a tenant transaction')
    const { trx } = scope
    const preset = (await kindPresets())[input.kind]

    let parent: Tenant | null = null
    if (input.parentId !== null) {
      parent = await Tenant.query({ client: trx }).where('id', input.parentId).forUpdate().first()
      if (!parent) return { ok: false, error: 'parent_not_found' }
    } else if (await Tenant.query({ client: trx }).whereNull('parent_id').first()) {
      return { ok: false, error: 'root_exists' }
    }
    if (await Tenant.query({ client: trx }).where('slug', input.slug).first()) {
      return { ok: false, error: 'slug_taken' }
    }
    const hostname = platformHostFor(input.slug, parent === null)
    if (await Domain.query({ client: trx }).where('hostname', hostname).first()) {
      return { ok: false, error: 'slug_taken' }
    }

    const packageId = parent
      ? (input.packageId ?? (await defaultPackageFor(trx, parent, input.kind)))
      : null

    const tenant = new Tenant()
    tenant.useTransaction(trx)
    tenant.merge({
      parentId: parent?.id ?? null,
      slug: input.slug,
      name: input.name,
      kind: input.kind,
      status: 'active',
      depth: parent ? parent.depth + 1 : 0,
      path: 'pending',
      packageId,
      // The platform's own mail goes through the platform's server; others decide (or inherit).
      mailPlatformFallback: parent === null ? true : null,
      locale: preset.defaults.locale,
      timeZone: preset.defaults.timeZone,
      currency: preset.defaults.currency,
      calendar: preset.defaults.calendar,
      // Kind branding seeds only tenants directly under the platform; deeper ones inherit.
      brand:
        parent && parent.parentId !== null
          ? { ...input.brand }
          : { ...preset.branding, ...input.brand },
    })
    await tenant.save()
    tenant.path = parent ? `${parent.path}.t${tenant.id}` : `t${tenant.id}`
    tenant.provisionedAt = DateTime.now()
    await tenant.save()

    await Domain.create(
      {
        tenantId: tenant.id,
        hostname,
        kind: 'platform',
        status: 'active',
        isPrimary: true,
        verifiedAt: DateTime.now(),
      },
      { client: trx }
    )

    await trx
      .insertQuery()
      .table('tenant_menus')
      .multiInsert(
        (['staff', 'client'] as const).map((audience) => ({
          tenant_id: tenant.id,
          audience,
          items: JSON.stringify(preset.menus[audience]),
        }))
      )

    await asTenant(tenant.id, async () => {
      await trx
        .insertQuery()
        .table('tenant_modules')
        .multiInsert(
          preset.modules.map((moduleKey) => ({ tenant_id: tenant.id, module_key: moduleKey }))
        )
      for (const role of preset.roles) {
        await Role.create({
          key: role.key,
          name: role.name,
          audience: role.audience,
          permissions: role.permissions,
          scopes: role.scopes ?? {},
        })
      }
      let position = 0
      for (const [dictionary, entries] of Object.entries(preset.dictionaries)) {
        for (const entry of entries) {
          await DictionaryEntry.create({
            dictionary,
            code: entry.code,
            label: entry.label,
            position: position++,
          })
        }
      }
    })

    await invalidateRegistryAfterCommit()
    return { ok: true, tenant }
  }
}
