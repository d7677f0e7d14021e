/*
 * Tenant kind presets: typed, data-only. Provisioning copies a preset into the tables once;
 * after that the database is the truth.
 */
import type { MenuSet } from '#app/menus/menu_tree'
import type { Calendar, Locale, Translated } from '#app/core/i18n/locales'

export type TenantKind = 'platform' | 'fuel_reseller' | 'pos_agent' | 'service_center' | 'logistics'
export const TENANT_KINDS: readonly Exclude<TenantKind, 'platform'>[] = [
  'fuel_reseller',
  'pos_agent',
  'service_center',
  'logistics',
]

/** Brand tokens; every field is optional in an override and inherited when absent. */
export interface BrandTokens {
  name?: string
  primaryColor?: string
  accentColor?: string
  radius?: string
  font?: string
  supportEmail?: string
  supportPhone?: string
  legalFooter?: string
  mailSenderName?: string
  logoLight?: string
  logoDark?: string
  favicon?: string
}

/** A role a new tenant starts with, composed from the modules (app/platform/kind_presets.ts). */
export interface RoleTemplate {
  key: string
  name: Translated
  audience: 'staff' | 'client'
  permissions: string[]
  /** Grants wider than `own` (staff) — for example `subtree` for an agent's administrator. */
  scopes?: Partial<Record<string, 'own' | 'subtree'>>
}

export interface DictionaryEntryPreset {
  code: string
  label: Translated
}

/*
 * What a kind's preset file declares: data only, naming modules and role templates. The menus
 * and each role's permissions are composed from what the modules declare.
 */
export interface KindPresetDeclaration {
  kind: TenantKind
  label: Translated
  /** The business modules it starts with (the platform's own are always on). */
  modules: string[]
  /** Role templates (declared by modules) it starts with. */
  roles: string[]
  branding: BrandTokens
  defaults: { locale: Locale; timeZone: string; currency: string; calendar: Calendar }
  dictionaries: Record<string, DictionaryEntryPreset[]>
}

/** A preset as provisioning uses it: the declaration with its roles and menus composed. */
export interface TenantKindPreset extends Omit<KindPresetDeclaration, 'roles'> {
  roles: RoleTemplate[]
  /** Starting menus per audience (issue #4 §2), copied into `tenant_menus` at provisioning. */
  menus: MenuSet
}
