import type { ProviderType } from '#app/integrations/provider_type'
import type { OpenedCredential } from '#app/integrations/provider_type'
import { httpHealth } from '#app/integrations/http_health'
import { callCredential } from '#app/integrations/provider_client'
import { verifySignature } from '#app/integrations/signing'

/** The account statement for a period, in 1C client-bank exchange format (SPEC §2.2). */
export async function statement(credential: OpenedCredential, from: string, to: string) {
  const response = await callCredential(credential, {
    operation: 'statement',
    method: 'GET',
    path: `/statement?${new URLSearchParams({ from, to })}`,
    headers: { authorization: `Bearer ${credential.secrets.apiToken ?? ''}` },
    retries: 2,
  })
  if (response.status !== 200) throw new Error(`bank answered ${response.status}`)
  return response.body
}

/** Checks a payment callback's signature on its raw body (constant time, 5-minute window). */
export function verifyCallback(
  credential: OpenedCredential,
  rawBody: string,
  header: string | undefined,
  now = Date.now()
) {
  return verifySignature(credential.secrets.callbackSecret ?? '', rawBody, header, now)
}

/* The bank: account statements, and signed callbacks for incoming payments. */
export default {
  key: 'bank',
  label: { en: 'Bank', ru: 'Банк', fa: 'بانک' },
  module: 'billing',
  fields: [
    {
      name: 'baseUrl',
      label: { en: 'Bank API address', ru: 'Адрес API банка', fa: 'نشانی API بانک' },
      kind: 'url',
      required: true,
      placeholder: 'https://api.bank.example.ru',
    },
    {
      name: 'account',
      label: { en: 'Settlement account', ru: 'Расчётный счёт', fa: 'حساب' },
      kind: 'text',
      required: true,
    },
    {
      name: 'apiToken',
      label: { en: 'API token', ru: 'API-токен', fa: 'توکن API' },
      kind: 'secret',
      required: true,
    },
    {
      name: 'callbackSecret',
      label: {
        en: 'Callback signing key',
        ru: 'Ключ подписи уведомлений',
        fa: 'کلید امضای اعلان‌ها',
      },
      kind: 'secret',
      required: true,
    },
  ],
  mappedDictionaries: [],
  operations: ['statement', 'verifyCallback'],
  testConnection(credential) {
    return httpHealth(credential, {
      authorization: `Bearer ${credential.secrets.apiToken ?? ''}`,
    })
  },
} satisfies ProviderType
