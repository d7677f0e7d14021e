import type Tenant from '#app/tenancy/models/tenant'
import type { BrandTokens } from '#tenants/types'
import { invalidateRegistryAfterCommit } from '#app/tenancy/registry_invalidation'

/** The text tokens an editor may set; an empty value removes the override (inherit again). */
export const TEXT_TOKENS = [
  'name',
  'primaryColor',
  'accentColor',
  'radius',
  'font',
  'supportEmail',
  'supportPhone',
  'legalFooter',
  'mailSenderName',
] as const satisfies readonly (keyof BrandTokens)[]

export type BrandTextInput = Partial<Record<(typeof TEXT_TOKENS)[number], string | null>>

/* Replaces a tenant's own text tokens; uploaded assets are kept. Values were validated. */
export class UpdateBrand {
  async handle(tenant: Tenant, input: BrandTextInput) {
    const brand: BrandTokens = { ...tenant.brand }
    for (const token of TEXT_TOKENS) {
      const value = input[token]?.trim()
      if (value) brand[token] = value
      else delete brand[token]
    }
    tenant.brand = brand
    await tenant.save()
    await invalidateRegistryAfterCommit()
    return tenant
  }
}
