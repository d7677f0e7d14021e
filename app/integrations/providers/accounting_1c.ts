import type { ProviderType } from '#integrations/provider_type'
import { basicAuth, httpHealth } from '#integrations/providers/http_health'

/* 1C accounting: invoices as JSON with the PDF in base64 (SPEC §2.3), over its HTTP service. */
export default {
  key: 'accounting_1c',
  label: { en: '1C accounting', ru: 'Бухгалтерия 1С', fa: 'حسابداری 1C' },
  module: 'billing',
  fields: [
    {
      name: 'baseUrl',
      label: { en: 'HTTP service address', ru: 'Адрес HTTP-сервиса', fa: 'نشانی سرویس HTTP' },
      kind: 'url',
      required: true,
      placeholder: 'https://1c.example.ru/base/hs/portal',
    },
    {
      name: 'username',
      label: { en: 'User name', ru: 'Имя пользователя', fa: 'نام کاربری' },
      kind: 'text',
      required: true,
    },
    {
      name: 'password',
      label: { en: 'Password', ru: 'Пароль', fa: 'گذرواژه' },
      kind: 'secret',
      required: true,
    },
    {
      name: 'webhookSecret',
      label: { en: 'Webhook signing key', ru: 'Ключ подписи вебхуков', fa: 'کلید امضای وب‌هوک' },
      kind: 'secret',
      required: true,
    },
  ],
  mappedDictionaries: [],
  operations: ['requestInvoice', 'verifyWebhook'],
  testConnection(credential) {
    return httpHealth(credential, {
      authorization: basicAuth(
        String(credential.settings.username),
        credential.secrets.password ?? ''
      ),
    })
  },
} satisfies ProviderType
