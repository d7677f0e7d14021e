/*
 * The identifier fields each client type asks for (the server checks the same, SPEC §2),
 * shared by the clients screen, sign-up and "act for another company".
 */
export type IdField =
  'inn' | 'kpp' | 'ogrn' | 'bik' | 'account' | 'legalId' | 'nationalId' | 'sheba'

export const COMPANY_FIELDS: Record<string, IdField[]> = {
  ru_company: ['inn', 'kpp', 'ogrn', 'bik', 'account'],
  ru_sole_trader: ['inn', 'ogrn', 'bik', 'account'],
  ru_person: ['inn'],
  ir_company: ['legalId', 'sheba'],
  ir_person: ['nationalId', 'sheba'],
}

export const IDENTIFIER_LABELS: Record<string, string> = {
  inn: 'clients.inn',
  kpp: 'clients.kpp',
  ogrn: 'clients.ogrn',
  bik: 'clients.bik',
  account: 'clients.account',
  legalId: 'clients.legal_id',
  nationalId: 'clients.national_id',
  sheba: 'clients.sheba',
}

export interface CompanyForm {
  type: string
  name: string
  inn: string
  kpp: string
  ogrn: string
  bik: string
  account: string
  legalId: string
  nationalId: string
  sheba: string
}

export const emptyCompany = (type: string): CompanyForm => ({
  type,
  name: '',
  inn: '',
  kpp: '',
  ogrn: '',
  bik: '',
  account: '',
  legalId: '',
  nationalId: '',
  sheba: '',
})

/** Only the fields the chosen type uses: blanks of another type must not be checked. */
export function companyPayload(data: object, keep: string[] = []) {
  const fields = COMPANY_FIELDS[String((data as { type?: unknown }).type)] ?? []
  return Object.fromEntries(
    Object.entries(data).filter(
      ([key, value]) =>
        ['type', 'name', ...keep].includes(key) || (fields.includes(key as IdField) && value)
    )
  )
}
