/*
 * Sandbox providers (issue #4 §5): real HTTP servers on loopback standing in for the payment
 * company, the fuel supplier, the bank and 1C, for the demo and the tests. Each answers under its
 * own prefix and checks the credentials a tenant would configure, as the real service would.
 * Started by the test runner and by the development server; never in production.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

/* What the demo tenants are configured with: sandbox values, worthless anywhere else. */
export const SANDBOX_CREDENTIALS = {
  psp: { username: 'sandbox-psp', password: 'psp-sandbox-password' },
  fuel_supplier: {
    contract: 'ТК-2025/001',
    login: 'sandbox-fuel',
    password: 'fuel-sandbox-password',
  },
  bank: {
    account: '40702810900000000001',
    apiToken: 'bank-sandbox-token',
    callbackSecret: 'bank-sandbox-callback-key',
  },
  accounting_1c: {
    username: 'sandbox-1c',
    password: '1c-sandbox-password',
    webhookSecret: '1c-sandbox-webhook-key',
  },
} as const

export const SANDBOX_PREFIXES = {
  psp: 'psp',
  fuel_supplier: 'fuel',
  bank: 'bank',
  accounting_1c: 'onec',
} as const

type Provider = keyof typeof SANDBOX_PREFIXES

const basic = (login: string, password: string) =>
  `Basic ${Buffer.from(`${login}:${password}`).toString('base64')}`

function authorized(provider: Provider, header: string | undefined): boolean {
  switch (provider) {
    case 'psp':
      return header === basic(SANDBOX_CREDENTIALS.psp.username, SANDBOX_CREDENTIALS.psp.password)
    case 'fuel_supplier':
      return (
        header ===
        basic(SANDBOX_CREDENTIALS.fuel_supplier.login, SANDBOX_CREDENTIALS.fuel_supplier.password)
      )
    case 'bank':
      return header === `Bearer ${SANDBOX_CREDENTIALS.bank.apiToken}`
    case 'accounting_1c':
      return (
        header ===
        basic(
          SANDBOX_CREDENTIALS.accounting_1c.username,
          SANDBOX_CREDENTIALS.accounting_1c.password
        )
      )
  }
}

function send(response: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body)
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  })
  response.end(text)
}

export interface Sandbox {
  port: number
  /** Base URL per provider type, as a tenant would enter it. */
  baseUrls: Record<Provider, string>
  /** Requests seen, per provider (tests count calls). */
  requests: Record<Provider, number>
  /** Where `/redirect/...` sends its caller (a provider that redirects; SSRF tests). */
  redirectTo: string
  close(): Promise<void>
}

export async function startSandbox(port = 0, host = '127.0.0.1'): Promise<Sandbox> {
  const requests: Record<Provider, number> = { psp: 0, fuel_supplier: 0, bank: 0, accounting_1c: 0 }
  const sandbox = { requests, redirectTo: `http://${host}/` } as Sandbox
  const byPrefix = new Map<string, Provider>(
    Object.entries(SANDBOX_PREFIXES).map(([provider, prefix]) => [prefix, provider as Provider])
  )
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://sandbox')
    const [, prefix, ...rest] = url.pathname.split('/')
    if (prefix === 'redirect') {
      response.writeHead(302, { location: sandbox.redirectTo })
      return response.end()
    }
    const provider = byPrefix.get(prefix)
    if (!provider) return send(response, 404, { error: 'not_found' })
    requests[provider]++
    if (!authorized(provider, request.headers.authorization)) {
      return send(response, 401, { error: 'unauthorized' })
    }
    const path = `/${rest.join('/')}`
    if (request.method === 'GET' && path === '/health') {
      return send(response, 200, { ok: true, provider })
    }
    return send(response, 404, { error: 'not_found' })
  })
  await new Promise<void>((resolve) => server.listen(port, host, resolve))
  const actual = (server.address() as AddressInfo).port
  const base = `http://${host}:${actual}`
  Object.assign(sandbox, {
    port: actual,
    baseUrls: Object.fromEntries(
      Object.entries(SANDBOX_PREFIXES).map(([provider, prefix]) => [provider, `${base}/${prefix}`])
    ) as Record<Provider, string>,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  })
  return sandbox
}
