import type { ProviderType } from '#integrations/provider_type'
import { httpHealth } from '#integrations/providers/http_health'

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
