import type { HttpContext } from '@adonisjs/core/http'
import { publicBrand } from '#app/brand/brand_tokens'

/* Every page is drawn in the tenant's brand (types: app/brand/pages.ts). */
export default function brandSharedProps(ctx: HttpContext) {
  return { brand: publicBrand(ctx.tenant.brand) }
}
