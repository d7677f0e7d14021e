import { BlockedTarget } from '#app/integrations/ssrf'
import { callCredential, CircuitOpen } from '#app/integrations/provider_client'
import type { OpenedCredential, TestOutcome } from '#app/integrations/provider_type'

/*
 * The connection test the HTTP providers share: an authenticated GET of `<base>/health`,
 * which each provider's API (and its sandbox) answers. What went wrong is a code the page
 * translates, with a detail that never carries a secret.
 */
export async function httpHealth(credential: OpenedCredential, headers: Record<string, string>) {
  try {
    // A read: safe to repeat, so the client may retry it.
    const response = await callCredential(credential, {
      operation: 'test_connection',
      method: 'GET',
      path: '/health',
      headers,
      retries: 2,
      timeoutMs: 2000,
      deadlineMs: 5000,
    })
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
  if (error instanceof CircuitOpen) return 'circuit_open'
  const message = error instanceof Error ? error.message : String(error)
  if (/no answer within|timeout|ETIMEDOUT/i.test(message)) return 'timeout'
  if (/ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENETUNREACH|socket hang up/i.test(message)) {
    return 'unreachable'
  }
  return 'failed'
}

export const basicAuth = (login: string, password: string) =>
  `Basic ${Buffer.from(`${login}:${password}`).toString('base64')}`
