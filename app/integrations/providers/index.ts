import type { ProviderType } from '#integrations/provider_type'
import smtp from '#integrations/providers/smtp'
import psp from '#integrations/providers/psp'
import fuelSupplier from '#integrations/providers/fuel_supplier'
import bank from '#integrations/providers/bank'
import accounting1c from '#integrations/providers/accounting_1c'

/* Every provider type, by key. */
export const PROVIDER_TYPES: ReadonlyMap<string, ProviderType> = new Map(
  [smtp, psp, fuelSupplier, bank, accounting1c].map((type) => [type.key, type])
)

export const PROVIDER_KEYS = [...PROVIDER_TYPES.keys()]
