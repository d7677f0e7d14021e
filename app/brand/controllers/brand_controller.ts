import type { HttpContext } from '@adonisjs/core/http'
import { publicBrand } from '#app/brand/brand_tokens'

/* GET /api/v1/brand: the effective brand tokens of the request's tenant. Public. */
export default class BrandController {
  async handle({ tenant, response }: HttpContext) {
    response.header('Cache-Control', 'public, max-age=60')
    return {
      ...publicBrand(tenant.brand),
      locale: tenant.locale,
      direction: tenant.locale === 'fa' ? 'rtl' : 'ltr',
    }
  }
}
