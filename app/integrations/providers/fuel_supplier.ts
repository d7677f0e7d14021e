import type { ProviderType } from '#integrations/provider_type'
import { basicAuth, httpHealth } from '#integrations/providers/http_health'

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
