/* The kinds' preset declarations. Adding a kind = adding a folder and a line here. */
import type { KindPresetDeclaration, TenantKind } from './types.ts'
import platform from './platform/preset.ts'
import fuelReseller from './fuel_reseller/preset.ts'
import posAgent from './pos_agent/preset.ts'
import serviceCenter from './service_center/preset.ts'
import logistics from './logistics/preset.ts'

export const kindDeclarations: Record<TenantKind, KindPresetDeclaration> = {
  platform,
  fuel_reseller: fuelReseller,
  pos_agent: posAgent,
  service_center: serviceCenter,
  logistics,
}
