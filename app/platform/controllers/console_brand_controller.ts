import { urlFor } from '@adonisjs/core/services/url_builder'
import type { HttpContext } from '@adonisjs/core/http'
import { authorize } from '#app/access/authorization'
import { validateTranslated } from '#app/core/http/validation'
import { acceptForm, refuseForm } from '#app/core/http/form_outcome'
import { UpdateBrand } from '#app/platform/actions/update_brand'
import {
  RemoveBrandAsset,
  ReplaceBrandAsset,
  type BrandAssetField,
} from '#app/platform/actions/replace_brand_asset'
import { brandValidator } from '#app/platform/validators/console_validators'
import { findTenantOr404 } from '#app/platform/controllers/find_tenant'
import { readBrandAsset, MAX_BRAND_ASSET_BYTES } from '#app/brand/brand_storage'
import { renderNeutralNotFound } from '#app/core/http/neutral_not_found'
import app from '@adonisjs/core/services/app'
import { readUpload } from '#app/core/http/uploads'

const ASSET_FIELDS: Record<string, BrandAssetField> = {
  'logo-light': 'logoLight',
  'logo-dark': 'logoDark',
  'favicon': 'favicon',
}

/* The brand editor: text tokens, uploads, and previews of a tenant's assets. */
export default class ConsoleBrandController {
  async update(ctx: HttpContext) {
    await authorize(ctx, 'platform.brands.manage')
    const tenant = await findTenantOr404(ctx)
    const input = await validateTranslated(ctx, brandValidator)
    await new UpdateBrand().handle(tenant, input)
    return acceptForm(ctx, urlFor('console.tenants.show', { id: tenant.id }), 'ui.console.saved')
  }

  async upload(ctx: HttpContext) {
    await authorize(ctx, 'platform.brands.manage')
    const tenant = await findTenantOr404(ctx)
    const field = ASSET_FIELDS[ctx.params.asset]
    const file = (await readUpload(ctx)).get('file')
    if (!file) return refuseForm(ctx, 'file', 'ui.validation.asset_type')
    if (file.bytes.length > MAX_BRAND_ASSET_BYTES)
      return refuseForm(ctx, 'file', 'ui.validation.asset_size')
    const result = await new ReplaceBrandAsset().handle(tenant, field, file.bytes)
    if (!result.ok) return refuseForm(ctx, 'file', `ui.validation.${result.error}`)
    return acceptForm(ctx, urlFor('console.tenants.show', { id: tenant.id }), 'ui.console.saved')
  }

  async remove(ctx: HttpContext) {
    await authorize(ctx, 'platform.brands.manage')
    const tenant = await findTenantOr404(ctx)
    await new RemoveBrandAsset().handle(tenant, ASSET_FIELDS[ctx.params.asset])
    return acceptForm(ctx, urlFor('console.tenants.show', { id: tenant.id }), 'ui.console.saved')
  }

  /* The effective asset of a tenant, for the console's preview (same safe headers). */
  async show(ctx: HttpContext) {
    await authorize(ctx, 'platform.tenants.view')
    const tenant = await findTenantOr404(ctx)
    const registry = await app.container.make('tenancy.registry')
    const brand = (await registry.tenant(tenant.id))?.brand
    const field = ASSET_FIELDS[ctx.params.asset]
    const key = brand?.[field]
    const owner = brand?.assetOwners[field]
    const asset = key && owner ? await readBrandAsset(owner, key) : null
    if (!asset) return renderNeutralNotFound(ctx)
    ctx.response.header('Content-Type', asset.contentType)
    ctx.response.header('X-Content-Type-Options', 'nosniff')
    ctx.response.header('Content-Security-Policy', "default-src 'none'; sandbox")
    ctx.response.header('Cache-Control', 'private, max-age=60')
    return ctx.response.send(asset.bytes)
  }
}
