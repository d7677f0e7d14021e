import type { ProviderType } from '#app/integrations/provider_type'
import type { OpenedCredential } from '#app/integrations/provider_type'
import { basicAuth, httpHealth } from '#app/integrations/http_health'
import { callCredential } from '#app/integrations/provider_client'

export interface SupplierCard {
  number: string
  status: string
  holder: string | null
}

export interface SupplierTransaction {
  id: string
  at: string
  card: string
  product: string
  litres: string
  pumpPriceKopecks: number
  amountKopecks: number
  station: string
  kind: 'purchase' | 'refund' | 'correction'
}

/* Reads, safe to repeat: the client may retry them. */
async function read<T>(credential: OpenedCredential, operation: string, path: string): Promise<T> {
  const response = await callCredential(credential, {
    operation,
    method: 'GET',
    path: `${path}`,
    headers: {
      authorization: basicAuth(
        String(credential.settings.login),
        credential.secrets.password ?? ''
      ),
    },
    retries: 2,
  })
  if (response.status !== 200) throw new Error(`fuel supplier answered ${response.status}`)
  return JSON.parse(response.body) as T
}

export async function listCards(credential: OpenedCredential): Promise<SupplierCard[]> {
  return (await read<{ items: SupplierCard[] }>(credential, 'list_cards', '/cards')).items
}

/** One page of transactions after `cursor` (null: from the start). */
export function listTransactions(credential: OpenedCredential, cursor: string | null, limit = 50) {
  const query = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) })
  return read<{ items: SupplierTransaction[]; nextCursor: string | null }>(
    credential,
    'list_transactions',
    `/transactions?${query}`
  )
}

/* A fuel supplier's cabinet: the cards it issued under the contract and their transactions. */
export default {
  key: 'fuel_supplier',
  label: { en: 'Fuel supplier', ru: 'Поставщик топлива', fa: 'تأمین‌کننده سوخت' },
  module: 'fuel',
  fields: [
    {
      name: 'baseUrl',
      label: { en: 'Cabinet API address', ru: 'Адрес API кабинета', fa: 'نشانی API' },
      kind: 'url',
      required: true,
      placeholder: 'https://supplier.example.ru/api',
    },
    {
      name: 'contract',
      label: { en: 'Contract number', ru: 'Номер договора', fa: 'شماره قرارداد' },
      kind: 'text',
      required: true,
    },
    {
      name: 'login',
      label: { en: 'Login', ru: 'Логин', fa: 'نام کاربری' },
      kind: 'text',
      required: true,
    },
    {
      name: 'password',
      label: { en: 'Password', ru: 'Пароль', fa: 'گذرواژه' },
      kind: 'secret',
      required: true,
    },
  ],
  mappedDictionaries: ['fuel_types'],
  operations: ['listCards', 'listTransactions'],
  testConnection(credential) {
    return httpHealth(credential, {
      authorization: basicAuth(
        String(credential.settings.login),
        credential.secrets.password ?? ''
      ),
    })
  },
} satisfies ProviderType
