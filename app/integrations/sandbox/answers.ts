/* What a sandbox provider's handler returns: an answer, a hang (never answers), or not mine. */
export type SandboxAnswer = { status: number; body: unknown; contentType?: string } | 'hang' | null

export interface SandboxRequest {
  method: string
  path: string
  query: URLSearchParams
  body: unknown
}

export const json = (status: number, body: unknown): SandboxAnswer => ({ status, body })

/** One sandbox provider's request handler (its state lives on the instance). */
export interface SandboxHandler {
  handle(request: SandboxRequest): SandboxAnswer
}

/*
 * A sandbox provider, declared by the module that owns the provider in `app/<module>/sandbox.ts`;
 * the sandbox server (sandbox_server.ts) finds every one and serves it under its prefix.
 */
export interface SandboxDefinition<Handler extends SandboxHandler = SandboxHandler> {
  /** The provider type it stands in for. */
  provider: string
  /** Its path on the sandbox server: `http://127.0.0.1:<port>/<prefix>`. */
  prefix: string
  /** What the demo tenants are configured with: sandbox values, worthless anywhere else. */
  credentials: Record<string, string>
  /** Whether a request's Authorization header carries those credentials. */
  authorized(header: string | undefined): boolean
  create(): Handler
}

export function defineSandbox<Handler extends SandboxHandler>(
  definition: SandboxDefinition<Handler>
): SandboxDefinition<Handler> {
  return definition
}

export const basicHeader = (login: string, password: string) =>
  `Basic ${Buffer.from(`${login}:${password}`).toString('base64')}`
