/*
 * The payment company sandbox (issue #4 §5): merchant registration in the Shaparak request shape
 * of SPEC §2.4, answered with a tracking number, with field-level rejection reasons, or — for a
 * request that asks for it in its description — never (a PSP that times out); status by tracking
 * number; terminal collection with the PSP's own reason codes.
 */
import {
  isLegalId,
  isNationalId,
  isPostalCode,
  isSheba,
  normalizeMobile,
} from '#app/core/identifiers/iran'
import { json, type SandboxAnswer, type SandboxRequest } from '#app/integrations/sandbox/answers'

const REQUEST_TYPES = new Set([
  'install',
  'account_change',
  'collection',
  'replacement',
  'reactivation',
])
const COLLECTION_REASONS = new Set(['1', '2', '3', '4'])

interface Rejection {
  fieldName: string
  codeExceptionValue: string
}

export class PspSandbox {
  #tracking = 139707040000
  readonly requests = new Map<string, { status: string; body: unknown }>()

  handle(request: SandboxRequest): SandboxAnswer {
    const { method, path, body } = request
    if (method === 'POST' && path === '/requests') return this.#register(body)
    const status = /^\/requests\/([\w-]+)$/.exec(path)
    if (method === 'GET' && status) {
      const known = this.requests.get(status[1])
      return known
        ? json(200, { trackingNumber: status[1], status: known.status, success: true })
        : json(404, {
            success: false,
            requestRejectionReasons: [{ fieldName: 'trackingNumber', codeExceptionValue: 'E404' }],
          })
    }
    const collect = /^\/terminals\/([^/]+)\/collect$/.exec(path)
    if (method === 'POST' && collect) return this.#collect(collect[1], body)
    return null
  }

  #register(body: unknown): SandboxAnswer {
    const request = (body ?? {}) as Record<string, any>
    if (request.description === 'simulate-timeout') return 'hang'
    const reasons: Rejection[] = []
    const reject = (fieldName: string, codeExceptionValue: string) =>
      reasons.push({ fieldName, codeExceptionValue })
    if (typeof request.trackingNumberPsp !== 'string' || !request.trackingNumberPsp) {
      reject('trackingNumberPsp', 'E100')
    }
    if (!REQUEST_TYPES.has(request.requestType)) reject('requestType', 'E104')
    const merchant = request.merchant ?? {}
    const identity = String(merchant.nationalCode ?? merchant.legalId ?? '')
    if (!(isNationalId(identity) || isLegalId(identity))) reject('merchant.nationalCode', 'E101')
    if (!normalizeMobile(String(merchant.mobile ?? ''))) reject('merchant.mobile', 'E105')
    const ibans: unknown[] = Array.isArray(merchant.merchantIbans) ? merchant.merchantIbans : []
    if (ibans.length === 0 || !ibans.every((iban) => isSheba(String(iban)))) {
      reject('merchant.merchantIbans', 'E103')
    }
    const shops: any[] = Array.isArray(request.pspRequestShopAcceptors)
      ? request.pspRequestShopAcceptors
      : []
    if (shops.length === 0) reject('pspRequestShopAcceptors', 'E106')
    shops.forEach((entry, index) => {
      if (!isPostalCode(String(entry?.shop?.postalCode ?? ''))) {
        reject(`pspRequestShopAcceptors[${index}].shop.postalCode`, 'E102')
      }
      for (const acceptor of entry?.acceptors ?? []) {
        const settlement: unknown[] = acceptor?.shaparakSettlementIbans ?? []
        if (!settlement.every((iban) => isSheba(String(iban)))) {
          reject(`pspRequestShopAcceptors[${index}].acceptors.shaparakSettlementIbans`, 'E103')
        }
      }
    })
    if (reasons.length) {
      return json(422, { success: false, status: 'rejected', requestRejectionReasons: reasons })
    }
    const trackingNumber = `PF00${++this.#tracking}A0`
    this.requests.set(trackingNumber, { status: 'sent_to_shaparak', body })
    return json(200, { success: true, status: 'accepted', trackingNumber })
  }

  #collect(terminal: string, body: unknown): SandboxAnswer {
    const reasons: Rejection[] = []
    if (!/^[0-9A-Z]{8}$/.test(terminal)) {
      reasons.push({ fieldName: 'terminalNumber', codeExceptionValue: 'INVALID_TERMINAL' })
    }
    const reasonCode = (body as { reasonCode?: unknown } | null)?.reasonCode
    if (typeof reasonCode !== 'string' || !COLLECTION_REASONS.has(reasonCode)) {
      reasons.push({ fieldName: 'reasonCode', codeExceptionValue: 'UNKNOWN_REASON' })
    }
    if (reasons.length) {
      return json(422, { success: false, status: 'rejected', requestRejectionReasons: reasons })
    }
    const trackingNumber = `PF00${++this.#tracking}C0`
    this.requests.set(trackingNumber, { status: 'accepted', body })
    return json(200, { success: true, status: 'accepted', trackingNumber })
  }
}
