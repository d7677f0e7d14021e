/*
 * Read side of the console: the whole tree in one query plus one for domain counts, and
 * one tenant with its domains and brand (own tokens and the effective, inherited ones).
 */
import db from '@adonisjs/lucid/services/db'
import app from '@adonisjs/core/services/app'
import Tenant from '#app/tenancy/models/tenant'
import Domain from '#app/tenancy/models/domain'
import { publicBrand } from '#app/brand/brand_tokens'
import { verificationRecord } from '#app/tenancy/domain_verification'
import type { BrandTokens } from '#tenants/types'
import type { DomainRow, TenantDetails, TreeNode } from '#app/platform/pages'
export type { DomainRow }
export type { TenantDetails }
export type { TreeNode }

export async function tenantTree(): Promise<TreeNode[]> {
  const tenants = await Tenant.query().orderBy('path')
  const counts = (await db
    .from('domains')
    .select('tenant_id')
    .count('* as total')
    .groupBy('tenant_id')) as Array<{ tenant_id: string | number; total: string | number }>
  const domainCount = new Map(counts.map((row) => [Number(row.tenant_id), Number(row.total)]))
  const registry = await app.container.make('tenancy.registry')
  const resolved = new Map((await registry.all()).map((tenant) => [tenant.id, tenant]))
  return tenants.map((tenant) => ({
    id: tenant.id,
    parentId: tenant.parentId,
    depth: tenant.depth,
    slug: tenant.slug,
    name: tenant.name,
    kind: tenant.kind,
    status: tenant.status,
    primaryHost: resolved.get(tenant.id)?.primaryHost ?? null,
    domainCount: domainCount.get(tenant.id) ?? 0,
  }))
}

export async function tenantDetails(tenant: Tenant): Promise<TenantDetails> {
  const registry = await app.container.make('tenancy.registry')
  const resolved = await registry.tenant(tenant.id)
  const domains = await Domain.query().where('tenant_id', tenant.id).orderBy('id')
  const parent = tenant.parentId ? await registry.tenant(tenant.parentId) : null
  const own: BrandTokens = tenant.brand ?? {}
  const effective = resolved!.brand
  return {
    tenant: {
      id: tenant.id,
      parentId: tenant.parentId,
      depth: tenant.depth,
      slug: tenant.slug,
      name: tenant.name,
      kind: tenant.kind,
      status: tenant.status,
      primaryHost: resolved?.primaryHost ?? null,
      domainCount: domains.length,
      path: tenant.path,
      locale: tenant.locale,
      timeZone: tenant.timeZone,
      currency: tenant.currency,
    },
    parentName: parent?.name ?? null,
    ownBrand: Object.fromEntries(
      Object.entries(own).map(([key, value]) => [key, typeof value === 'string' ? value : null])
    ),
    effectiveBrand: {
      ...consoleAssetUrls(tenant.id, publicBrand(effective)),
      mailSenderName: effective.mailSenderName,
    },
    assets: { logoLight: !!own.logoLight, logoDark: !!own.logoDark, favicon: !!own.favicon },
    domains: domains.map((domain) => ({
      id: domain.id,
      hostname: domain.hostname,
      kind: domain.kind,
      status: domain.status,
      isPrimary: domain.isPrimary,
      verifiedAt: domain.verifiedAt?.toISO() ?? null,
      record:
        domain.kind === 'custom' && domain.verificationToken && domain.status === 'pending'
          ? verificationRecord(domain.hostname, domain.verificationToken)
          : null,
    })),
  }
}

/* The console previews another tenant's assets through its own authorised route. */
function consoleAssetUrls(tenantId: number, brand: ReturnType<typeof publicBrand>) {
  const swap = (url: string | null, asset: string) =>
    url
      ? url.replace(`/brand/assets/${asset}`, `/console/tenants/${tenantId}/assets/${asset}`)
      : null
  return {
    ...brand,
    logoLightUrl: swap(brand.logoLightUrl, 'logo-light'),
    logoDarkUrl: swap(brand.logoDarkUrl, 'logo-dark'),
    faviconUrl: swap(brand.faviconUrl, 'favicon'),
  }
}
