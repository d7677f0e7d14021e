import { BlockedTarget } from '#integrations/ssrf'
import { outboundRequest } from '#integrations/outbound_http'
import type { TestOutcome } from '#integrations/provider_type'

/*
 * The connection test the HTTP providers share: an authenticated GET of `<base>/health`,
 * which each provider's API (and its sandbox) answers. What went wrong is a code the page
 * translates, with a detail that never carries a secret.
 */
export async function httpHealth(baseUrl: string, headers: Record<string, string>) {
  const url = `${baseUrl.replace(/\/+$/, '')}/health`
  try {
    const response = await outboundRequest({ method: 'GET', url, headers, timeoutMs: 5000 })
    if (response.status === 200) return { ok: true, detail: `HTTP 200` } satisfies TestOutcome
    if (response.status === 401 || response.status === 403) {
      return { ok: false, error: 'credentials_refused' } satisfies TestOutcome
    }
    return { ok: false, error: `unexpected_status:${response.status}` } satisfies TestOutcome
  } catch (error) {
    return { ok: false, error: failureCode(error) } satisfies TestOutcome
  }
}

export function failureCode(error: unknown): string {
  if (error instanceof BlockedTarget) return `blocked:${error.reason}`
  const message = error instanceof Error ? error.message : String(error)
  if (/no answer within|timeout|ETIMEDOUT/i.test(message)) return 'timeout'
  if (/ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENETUNREACH|socket hang up/i.test(message)) {
    return 'unreachable'
  }
  return 'failed'
}

export const basicAuth = (login: string, password: string) =>
  `Basic ${Buffer.from(`${login}:${password}`).toString('base64')}`
