/*
 * Sandbox providers (issue #4 §5): real HTTP servers on loopback standing in for the payment
 * company, the fuel supplier, the bank and 1C, for the demo and the tests. Each answers under its
 * own prefix and checks the credentials a tenant would configure, as the real service would.
 * Each is declared by the module that owns its provider (app/<module>/sandbox.ts).
 * Started by the test runner and by the development server; never in production.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type {
  SandboxAnswer,
  SandboxDefinition,
  SandboxHandler,
  SandboxRequest,
} from '#app/integrations/sandbox/answers'
import { importFromModules } from '#app/core/modules/discover'

/* Every module's sandbox providers (app/<module>/sandbox.ts). */
const DEFINITIONS: SandboxDefinition[] = (
  await importFromModules<{ default: SandboxDefinition[] }>('sandbox.ts')
).flatMap(({ exports }) => exports.default)

/* What the demo tenants are configured with, per provider type: sandbox values only. */
export const SANDBOX_CREDENTIALS: Record<string, Record<string, string>> = Object.fromEntries(
  DEFINITIONS.map((definition) => [definition.provider, definition.credentials])
)

export const SANDBOX_PREFIXES: Record<string, string> = Object.fromEntries(
  DEFINITIONS.map((definition) => [definition.provider, definition.prefix])
)

type Provider = string

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
  /** A provider's handler, to drive or inspect it (`handler<BankSandbox>('bank')`). */
  handler<Handler extends SandboxHandler>(provider: Provider): Handler
  close(): Promise<void>
}

export async function startSandbox(port = 0, host = '127.0.0.1'): Promise<Sandbox> {
  const handlers = new Map(
    DEFINITIONS.map((definition) => [definition.provider, definition.create()])
  )
  const definitionOf = new Map(DEFINITIONS.map((definition) => [definition.provider, definition]))
  const requests: Record<Provider, number> = Object.fromEntries(
    DEFINITIONS.map((d) => [d.provider, 0])
  )
  const sandbox = {
    requests,
    redirectTo: `http://${host}/`,
    received: [],
    behaviour: Object.fromEntries(DEFINITIONS.map((d) => [d.provider, 'normal'])),
    handler<Handler extends SandboxHandler>(provider: Provider): Handler {
      const handler = handlers.get(provider)
      if (!handler) throw new Error(`No sandbox stands in for ${provider}`)
      return handler as Handler
    },
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
    if (!definitionOf.get(provider)!.authorized(request.headers.authorization)) {
      return send(response, 401, { error: 'unauthorized' })
    }
    const path = `/${rest.join('/')}`
    if (request.method === 'GET' && path === '/health') {
      return send(response, 200, { ok: true, provider })
    }
    const body = request.method === 'POST' ? await jsonBody(request) : undefined
    const handler = handlers.get(provider)!
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
