import type Tenant from '#app/tenancy/models/tenant'
import {
  MAX_BRAND_ASSET_BYTES,
  sniffImageType,
  storeBrandAsset,
  type BrandAssetType,
} from '#app/brand/brand_storage'
import { invalidateRegistryAfterCommit } from '#app/tenancy/registry_invalidation'

export type BrandAssetField = 'logoLight' | 'logoDark' | 'favicon'

const ALLOWED: Record<BrandAssetField, BrandAssetType[]> = {
  logoLight: ['png', 'jpeg', 'webp'],
  logoDark: ['png', 'jpeg', 'webp'],
  favicon: ['png', 'ico'],
}

export type ReplaceBrandAssetResult =
  { ok: true } | { ok: false; error: 'asset_type' | 'asset_size' }

/*
 * Stores an uploaded logo or favicon under the tenant's own storage prefix. The type is
 * decided by the file's bytes, never by its name or the browser's MIME type; SVG is refused
 * (it can carry script).
 */
export class ReplaceBrandAsset {
  async handle(
    tenant: Tenant,
    field: BrandAssetField,
    bytes: Buffer
  ): Promise<ReplaceBrandAssetResult> {
    if (bytes.length > MAX_BRAND_ASSET_BYTES) return { ok: false, error: 'asset_size' }
    const type = sniffImageType(bytes)
    if (!type || !ALLOWED[field].includes(type)) return { ok: false, error: 'asset_type' }

    const key = await storeBrandAsset(tenant.id, bytes, type)
    tenant.brand = { ...tenant.brand, [field]: key }
    await tenant.save()
    await invalidateRegistryAfterCommit()
    return { ok: true }
  }
}

/* Removes the tenant's own asset so the inherited one (or none) shows again. */
export class RemoveBrandAsset {
  async handle(tenant: Tenant, field: BrandAssetField) {
    const brand = { ...tenant.brand }
    delete brand[field]
    tenant.brand = brand
    await tenant.save()
    await invalidateRegistryAfterCommit()
  }
}
