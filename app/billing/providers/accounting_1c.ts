import type { ProviderType } from '#app/integrations/provider_type'
import type { OpenedCredential } from '#app/integrations/provider_type'
import { basicAuth, httpHealth } from '#app/integrations/http_health'
import { callCredential } from '#app/integrations/provider_client'
import { verifySignature } from '#app/integrations/signing'

export interface InvoiceRequest {
  request_id: string
  order_number: string
  amount: string
  currency: string
  customer: { inn: string; kpp?: string; name: string }
  purpose: string
}

/**
 * Asks 1C for an invoice (SPEC §2.3). 1C answers the same request_id with the same invoice, so
 * the call is safe to repeat and the client may retry it.
 */
export async function requestInvoice(credential: OpenedCredential, input: InvoiceRequest) {
  const response = await callCredential(credential, {
    operation: 'request_invoice',
    method: 'POST',
    path: `/invoices/request`,
    headers: {
      'authorization': basicAuth(
        String(credential.settings.username),
        credential.secrets.password ?? ''
      ),
      'content-type': 'application/json',
    },
    body: JSON.stringify(input),
    retries: 2,
  })
  if (response.status !== 200) throw new Error(`1C answered ${response.status}`)
  return JSON.parse(response.body) as Record<string, any>
}

/** Checks a 1C webhook's signature on its raw body. */
export function verifyWebhook(
  credential: OpenedCredential,
  rawBody: string,
  header: string | undefined,
  now = Date.now()
) {
  return verifySignature(credential.secrets.webhookSecret ?? '', rawBody, header, now)
}

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
