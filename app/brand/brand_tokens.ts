/*
 * Effective brand: tokens inherited down the tree unless overridden. The platform root's
 * own brand is never inherited (a tenant's users must not see the platform), so the chain
 * starts at the first tenant under the root, on top of neutral defaults.
 */
import type { BrandTokens } from '#tenants/types'
import type { PublicBrand } from '#app/brand/pages'
export type { PublicBrand }

export interface EffectiveBrand {
  name: string
  primaryColor: string
  accentColor: string
  radius: string
  font: string
  supportEmail: string | null
  supportPhone: string | null
  legalFooter: string | null
  mailSenderName: string
  logoLight: string | null
  logoDark: string | null
  favicon: string | null
  /** Which tenant in the chain owns each uploaded asset (assets are stored per tenant). */
  assetOwners: Partial<Record<'logoLight' | 'logoDark' | 'favicon', number>>
}

export const HEX_COLOR = /^#[0-9a-f]{6}$/i
export const CSS_LENGTH = /^(0|\d{1,2}(\.\d{1,3})?(rem|px))$/
export const FONT_STACK = /^[\p{L}\p{N} ,'-]{1,120}$/u

const NEUTRAL = {
  primaryColor: '#475569',
  accentColor: '#0ea5e9',
  radius: '0.5rem',
  font: 'system-ui',
}

export interface BrandChainLink {
  tenantId: number
  name: string
  brand: BrandTokens
}

/** `chain` runs from the topmost inheriting ancestor down to the tenant itself. */
export function effectiveBrand(chain: BrandChainLink[]): EffectiveBrand {
  const self = chain[chain.length - 1]
  const result: EffectiveBrand = {
    name: self.name,
    ...NEUTRAL,
    supportEmail: null,
    supportPhone: null,
    legalFooter: null,
    mailSenderName: self.name,
    logoLight: null,
    logoDark: null,
    favicon: null,
    assetOwners: {},
  }
  let explicitSender = false
  for (const link of chain) {
    const tokens = link.brand ?? {}
    if (tokens.name) result.name = tokens.name
    if (tokens.primaryColor && HEX_COLOR.test(tokens.primaryColor))
      result.primaryColor = tokens.primaryColor
    if (tokens.accentColor && HEX_COLOR.test(tokens.accentColor))
      result.accentColor = tokens.accentColor
    if (tokens.radius && CSS_LENGTH.test(tokens.radius)) result.radius = tokens.radius
    if (tokens.font && FONT_STACK.test(tokens.font)) result.font = tokens.font
    if (tokens.supportEmail) result.supportEmail = tokens.supportEmail
    if (tokens.supportPhone) result.supportPhone = tokens.supportPhone
    if (tokens.legalFooter) result.legalFooter = tokens.legalFooter
    if (tokens.mailSenderName) {
      result.mailSenderName = tokens.mailSenderName
      explicitSender = true
    }
    for (const asset of ['logoLight', 'logoDark', 'favicon'] as const) {
      if (tokens[asset]) {
        result[asset] = tokens[asset]!
        result.assetOwners[asset] = link.tenantId
      }
    }
  }
  // A sub-agent that renamed itself sends mail under its own name unless told otherwise.
  if (!explicitSender) result.mailSenderName = result.name
  return result
}

/** Public tokens (the brand API, page props): asset keys become URLs on the tenant's host. */
export function publicBrand(brand: EffectiveBrand): PublicBrand {
  return {
    name: brand.name,
    primaryColor: brand.primaryColor,
    accentColor: brand.accentColor,
    radius: brand.radius,
    font: brand.font,
    supportEmail: brand.supportEmail,
    supportPhone: brand.supportPhone,
    legalFooter: brand.legalFooter,
    logoLightUrl: brand.logoLight ? `/brand/assets/logo-light?v=${brand.logoLight}` : null,
    logoDarkUrl: brand.logoDark ? `/brand/assets/logo-dark?v=${brand.logoDark}` : null,
    faviconUrl: brand.favicon ? `/brand/assets/favicon?v=${brand.favicon}` : null,
  }
}

/**
 * CSS custom properties for the root layout. Values were validated above, so they are
 * safe inside a <style> element; the colour scale is derived in the browser by color-mix.
 */
export function brandCss(brand: EffectiveBrand): string {
  const scale = [50, 100, 200, 300, 400, 500, 600, 700, 800, 900, 950]
  const mix = (step: number) => {
    if (step === 500) return brand.primaryColor
    if (step < 500) return `color-mix(in oklab, ${brand.primaryColor} ${step / 5}%, white)`
    return `color-mix(in oklab, ${brand.primaryColor} ${100 - (step - 500) / 5}%, black)`
  }
  const lines = [
    `--brand-primary: ${brand.primaryColor}`,
    `--brand-accent: ${brand.accentColor}`,
    `--brand-radius: ${brand.radius}`,
    `--brand-font: ${brand.font}`,
    ...scale.map((step) => `--brand-primary-${step}: ${mix(step)}`),
  ]
  return `:root{${lines.join(';')}}`
}
