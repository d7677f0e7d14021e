import type { Infer } from '@vinejs/vine/types'
import type { clientValidator } from '#app/clients/validators/client_validator'
import Client from '#app/clients/models/client'

export type CreateClientInput = Infer<typeof clientValidator>

export type CreateClientResult =
  | { ok: true; id: number }
  | { ok: false; field: 'inn' | 'legalId' | 'nationalId'; error: 'identifier_taken' }

/* Adds a client to the current tenant; one client per INN / national / legal id. */
export class CreateClient {
  async handle(input: CreateClientInput): Promise<CreateClientResult> {
    const data = input as Record<string, string | undefined>
    const requisites = {
      inn: data.inn ?? null,
      kpp: data.kpp ?? null,
      ogrn: data.ogrn ?? null,
      nationalId: data.nationalId ?? null,
      legalId: data.legalId ?? null,
      bik: data.bik ?? null,
      account: data.account ?? null,
      sheba: data.sheba ?? null,
    }
    for (const [column, field] of [
      ['inn', 'inn'],
      ['national_id', 'nationalId'],
      ['legal_id', 'legalId'],
    ] as const) {
      const value = requisites[field]
      if (value && (await Client.query().where(column, value).first())) {
        return { ok: false, field, error: 'identifier_taken' }
      }
    }
    // The model takes the tenant of the transaction it runs in (TenantModel.assignTenant).
    const client = await Client.create({ type: input.type, name: input.name, ...requisites })
    return { ok: true, id: client.id }
  }
}
