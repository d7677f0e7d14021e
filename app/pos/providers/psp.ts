import type { ProviderType } from '#app/integrations/provider_type'
import type { OpenedCredential } from '#app/integrations/provider_type'
import { basicAuth, httpHealth } from '#app/integrations/http_health'
import { callCredential } from '#app/integrations/provider_client'
import { externalCode } from '#app/integrations/code_mapping'

export type PspAnswer =
  | { ok: true; trackingNumber: string }
  | { ok: false; rejections: Array<{ field: string; reason: string }> }

function answerOf(status: number, text: string): PspAnswer {
  let answer: {
    success?: boolean
    trackingNumber?: string
    requestRejectionReasons?: Array<{ fieldName: string; codeExceptionValue: string }>
  } = {}
  try {
    answer = JSON.parse(text || '{}')
  } catch {
    // A body that is not JSON: no reasons to report, the status says it failed.
  }
  if (status === 200 && answer.success && answer.trackingNumber) {
    return { ok: true, trackingNumber: answer.trackingNumber }
  }
  return {
    ok: false,
    rejections: (answer.requestRejectionReasons ?? []).map((reason) => ({
      field: reason.fieldName,
      reason: reason.codeExceptionValue,
    })),
  }
}

/** The Shaparak-style registration request (SPEC §2.4). */
export interface PspRegistration {
  trackingNumberPsp: string
  requestType: 'install' | 'account_change' | 'collection' | 'replacement' | 'reactivation'
  merchant: Record<string, unknown> & { merchantIbans: string[] }
  relatedMerchants?: unknown[]
  contract?: Record<string, unknown>
  pspRequestShopAcceptors: Array<{
    shop: Record<string, unknown>
    acceptors: Array<
      Record<string, unknown> & { terminals: unknown[]; shaparakSettlementIbans: string[] }
    >
  }>
  description?: string
}

/**
 * Sends a registration to the payment company. Not repeated on failure: a second request would
 * be a second registration; the job that sends it retries with its own idempotency key.
 */
export async function registerMerchant(
  credential: OpenedCredential,
  registration: PspRegistration
): Promise<PspAnswer> {
  const response = await callCredential(credential, {
    operation: 'register_merchant',
    method: 'POST',
    path: `/requests`,
    headers: {
      'authorization': basicAuth(
        String(credential.settings.username),
        credential.secrets.password ?? ''
      ),
      'content-type': 'application/json',
    },
    body: JSON.stringify(registration),
    timeoutMs: 10_000,
    deadlineMs: 10_000,
  })
  return answerOf(response.status, response.body)
}

/**
 * Asks the payment company to collect a terminal, for one of our collection reasons translated
 * into its code (a reason with no mapping throws before anything is sent).
 */
export async function collectTerminal(
  credential: OpenedCredential,
  input: { terminalId: string; reason: string }
): Promise<PspAnswer> {
  const reasonCode = externalCode(credential, 'terminal_collection_reasons', input.reason)
  // Not safe to repeat blindly (the PSP would get two requests): no retries here.
  const response = await callCredential(credential, {
    operation: 'collect_terminal',
    method: 'POST',
    path: `/terminals/${encodeURIComponent(input.terminalId)}/collect`,
    headers: {
      'authorization': basicAuth(
        String(credential.settings.username),
        credential.secrets.password ?? ''
      ),
      'content-type': 'application/json',
    },
    body: JSON.stringify({ reasonCode }),
  })
  return answerOf(response.status, response.body)
}

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
  mappedDictionaries: ['terminal_collection_reasons'],
  operations: ['registerMerchant', 'collectTerminal'],
  testConnection(credential) {
    return httpHealth(credential, {
      authorization: basicAuth(
        String(credential.settings.username),
        credential.secrets.password ?? ''
      ),
    })
  },
} satisfies ProviderType
