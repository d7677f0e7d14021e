import type { ProviderType } from '#integrations/provider_type'
import { basicAuth, httpHealth } from '#integrations/providers/http_health'

/*
 * A payment company (PSP) web service: merchants, shops and terminals registered with Shaparak
 * through it, in the request shape of SPEC §2.4 (trackingNumberPsp, requestType, merchant,
 * pspRequestShopAcceptors…), answered with a tracking number or field-level rejection reasons.
 */
export default {
  key: 'psp',
  label: { en: 'Payment company (PSP)', ru: 'Платёжная компания (PSP)', fa: 'شرکت پرداخت (PSP)' },
  module: 'pos',
  fields: [
    {
      name: 'baseUrl',
      label: { en: 'Web service address', ru: 'Адрес веб-сервиса', fa: 'نشانی وب‌سرویس' },
      kind: 'url',
      required: true,
      placeholder: 'https://psp.example.ir/api',
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
  ],
  operations: ['registerMerchant', 'requestStatus', 'collectTerminal'],
  testConnection(credential) {
    return httpHealth(String(credential.settings.baseUrl), {
      authorization: basicAuth(
        String(credential.settings.username),
        credential.secrets.password ?? ''
      ),
    })
  },
} satisfies ProviderType
