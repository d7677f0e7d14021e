import type { HttpContext } from '@adonisjs/core/http'
import { readBrandAsset } from '#app/brand/brand_storage'
import { renderNeutralNotFound } from '#app/core/http/neutral_not_found'

const FIELDS = { 'logo-light': 'logoLight', 'logo-dark': 'logoDark', 'favicon': 'favicon' } as const

/* GET /brand/assets/:asset: the logo or favicon of the host's effective brand. Public. */
export default class BrandAssetController {
  async handle(ctx: HttpContext) {
    const field = FIELDS[ctx.params.asset as keyof typeof FIELDS]
    const key = ctx.tenant.brand[field]
    const owner = ctx.tenant.brand.assetOwners[field]
    const asset = key && owner ? await readBrandAsset(owner, key) : null
    if (!asset) return renderNeutralNotFound(ctx)
    ctx.response.header('Content-Type', asset.contentType)
    ctx.response.header('X-Content-Type-Options', 'nosniff')
    ctx.response.header('Content-Security-Policy', "default-src 'none'; sandbox")
    ctx.response.header('Content-Disposition', 'inline')
    ctx.response.header('Cache-Control', 'public, max-age=31536000, immutable')
    return ctx.response.send(asset.bytes)
  }
}
