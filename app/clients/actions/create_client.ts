import { currentTenantScope, requireTenantId } from '#app/core/database/tenant_context'
import type { Infer } from '@vinejs/vine/types'
import type { clientValidator } from '#app/clients/validators/client_validator'

export type CreateClientInput = Infer<typeof clientValidator>

export type CreateClientResult =
  | { ok: true; id: number }
  | { ok: false; field: 'inn' | 'legalId' | 'nationalId'; error: 'identifier_taken' }

/* Adds a client to the current tenant; one client per INN / national / legal id. */
export class CreateClient {
  async handle(input: CreateClientInput): Promise<CreateClientResult> {
    const trx = currentTenantScope()?.trx
    if (!trx) throw new Error('CreateClient runs inside a tenant transaction')
    const tenantId = requireTenantId('CreateClient')
    const data = input as Record<string, string | undefined>
    const row = {
      tenant_id: tenantId,
      type: input.type,
      name: input.name,
      inn: data.inn ?? null,
      kpp: data.kpp ?? null,
      ogrn: data.ogrn ?? null,
      national_id: data.nationalId ?? null,
      legal_id: data.legalId ?? null,
      bik: data.bik ?? null,
      account: data.account ?? null,
      sheba: data.sheba ?? null,
    }
    for (const [column, field] of [
      ['inn', 'inn'],
      ['national_id', 'nationalId'],
      ['legal_id', 'legalId'],
    ] as const) {
      const value = row[column]
      if (
        value &&
        (await trx.from('clients').where('tenant_id', tenantId).where(column, value).first())
      ) {
        return { ok: false, field, error: 'identifier_taken' }
      }
    }
    const [inserted] = await trx.table('clients').insert(row).returning('id')
    return { ok: true, id: Number(inserted.id) }
  }
}
