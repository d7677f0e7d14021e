/* What a sandbox provider's handler returns: an answer, a hang (never answers), or not mine. */
export type SandboxAnswer = { status: number; body: unknown; contentType?: string } | 'hang' | null

export interface SandboxRequest {
  method: string
  path: string
  query: URLSearchParams
  body: unknown
}

export const json = (status: number, body: unknown): SandboxAnswer => ({ status, body })
