/*
 * Sandbox providers (issue #4 §5): real HTTP servers on loopback standing in for the payment
 * company, the fuel supplier, the bank and 1C, for the demo and the tests. Each answers under its
 * own prefix and checks the credentials a tenant would configure, as the real service would.
 * Started by the test runner and by the development server; never in production.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { SandboxAnswer, SandboxRequest } from '#integrations/sandbox/answers'
import { PspSandbox } from '#integrations/sandbox/psp_sandbox'
import { FuelSandbox } from '#integrations/sandbox/fuel_sandbox'
import { BankSandbox } from '#integrations/sandbox/bank_sandbox'
import { OneCSandbox } from '#integrations/sandbox/onec_sandbox'

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

async function jsonBody(request: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch {
    return null
  }
}

export interface Sandbox {
  port: number
  /** Base URL per provider type, as a tenant would enter it. */
  baseUrls: Record<Provider, string>
  /** Requests seen, per provider (tests count calls). */
  requests: Record<Provider, number>
  /** Where `/redirect/...` sends its caller (a provider that redirects; SSRF tests). */
  redirectTo: string
  /** How each provider behaves: normally, failing with 500, or never answering. */
  behaviour: Record<Provider, 'normal' | 'fail' | 'hang'>
  /** The bodies of accepted operations, newest last (tests read what a provider received). */
  received: Array<{ provider: Provider; path: string; body: unknown }>
  psp: PspSandbox
  fuel: FuelSandbox
  bank: BankSandbox
  onec: OneCSandbox
  close(): Promise<void>
}

export async function startSandbox(port = 0, host = '127.0.0.1'): Promise<Sandbox> {
  const requests: Record<Provider, number> = { psp: 0, fuel_supplier: 0, bank: 0, accounting_1c: 0 }
  const sandbox = {
    requests,
    redirectTo: `http://${host}/`,
    received: [],
    psp: new PspSandbox(),
    fuel: new FuelSandbox(),
    bank: new BankSandbox(),
    onec: new OneCSandbox(),
    behaviour: { psp: 'normal', fuel_supplier: 'normal', bank: 'normal', accounting_1c: 'normal' },
  } as unknown as Sandbox
  const hanging = new Set<http.ServerResponse>()
  const byPrefix = new Map<string, Provider>(
    Object.entries(SANDBOX_PREFIXES).map(([provider, prefix]) => [prefix, provider as Provider])
  )
  const server = http.createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://sandbox')
    const [, prefix, ...rest] = url.pathname.split('/')
    // An endpoint that never answers (a provider that hangs).
    if (prefix === 'hang') {
      hanging.add(response)
      return
    }
    if (prefix === 'redirect') {
      response.writeHead(302, { location: sandbox.redirectTo })
      return response.end()
    }
    const provider = byPrefix.get(prefix)
    if (!provider) return send(response, 404, { error: 'not_found' })
    requests[provider]++
    if (sandbox.behaviour[provider] === 'hang') {
      hanging.add(response)
      return
    }
    if (sandbox.behaviour[provider] === 'fail') return send(response, 500, { error: 'internal' })
    if (!authorized(provider, request.headers.authorization)) {
      return send(response, 401, { error: 'unauthorized' })
    }
    const path = `/${rest.join('/')}`
    if (request.method === 'GET' && path === '/health') {
      return send(response, 200, { ok: true, provider })
    }
    const body = request.method === 'POST' ? await jsonBody(request) : undefined
    const handler = {
      psp: sandbox.psp,
      fuel_supplier: sandbox.fuel,
      bank: sandbox.bank,
      accounting_1c: sandbox.onec,
    }[provider]
    const call: SandboxRequest = {
      method: request.method ?? 'GET',
      path,
      query: url.searchParams,
      body,
    }
    const answer: SandboxAnswer = handler.handle(call)
    if (answer === 'hang') {
      hanging.add(response)
      return
    }
    if (answer) {
      if (answer.status < 300) sandbox.received.push({ provider, path, body })
      if (answer.contentType) {
        response.writeHead(answer.status, { 'content-type': answer.contentType })
        return response.end(String(answer.body))
      }
      return send(response, answer.status, answer.body)
    }
    return send(response, 404, { error: 'not_found' })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  const actual = (server.address() as AddressInfo).port
  const base = `http://${host}:${actual}`
  Object.assign(sandbox, {
    port: actual,
    baseUrls: Object.fromEntries(
      Object.entries(SANDBOX_PREFIXES).map(([provider, prefix]) => [provider, `${base}/${prefix}`])
    ) as Record<Provider, string>,
    close: () =>
      new Promise<void>((resolve) => {
        for (const response of hanging) response.destroy()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  })
  return sandbox
}
