/*
 * The one HTTP client every provider adapter uses (issue #4 §6, SECURITY J6/J7):
 *  - a deadline on every attempt (outboundRequest, behind the SSRF guard);
 *  - retries only where the operation is safe to repeat, on network errors, 5xx and 429, with
 *    capped exponential backoff and full jitter; a caller that retries itself (a job) passes
 *    `retries: 0`, so retries never nest;
 *  - a circuit breaker per tenant and provider: 5 failures in a row open it for 30 s, then one
 *    trial call decides; while open, calls fail at once without touching the provider;
 *  - a call log per tenant (provider_calls), bodies with secrets redacted, never headers. The
 *    rows are written once the caller's transaction has ended, committed or rolled back, in a
 *    transaction of their own: a failed operation keeps its calls on record, and no request
 *    ever holds two pooled connections.
 */
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { clock } from '#app/core/clock'
import {
  currentTenantScope,
  outsideTenantScope,
  runInTenant,
} from '#app/core/database/tenant_context'
import { outboundRequest, type OutboundResponse } from '#app/integrations/outbound_http'
import { BlockedTarget } from '#app/integrations/ssrf'
import { isInsideJob } from '#app/jobs/job_context'
import type { OpenedCredential } from '#app/integrations/provider_type'

export const BREAKER = { failures: 5, openMs: 30_000 }
export const BACKOFF = { baseMs: 200, capMs: 2_000 }

export class CircuitOpen extends Error {
  constructor(readonly provider: string) {
    super(`Calls to ${provider} are paused after repeated failures`)
  }
}

interface BreakerState {
  failures: number
  openedAt: number | null
  trialInFlight: boolean
}

const breakers = new Map<string, BreakerState>()

/** Tests: forget every breaker's state. */
export function resetBreakers() {
  breakers.clear()
}

export function breakerOf(tenantId: number, provider: string) {
  const key = `${tenantId}:${provider}`
  let state = breakers.get(key)
  if (!state) breakers.set(key, (state = { failures: 0, openedAt: null, trialInFlight: false }))
  return state
}

/** Lets a call through unless the breaker is open; once its pause is over, one trial call. */
function admit(breaker: BreakerState): boolean {
  if (breaker.openedAt === null) return true
  const trialDue = clock.now() - breaker.openedAt >= BREAKER.openMs
  if (!trialDue || breaker.trialInFlight) return false
  breaker.trialInFlight = true
  return true
}

/**
 * A call's outcome: `sick` (no answer, a server error) counts towards opening and re-opens after a
 * failed trial; `healthy` closes; `neutral` (refused before leaving, our own mistake) changes nothing.
 */
function settle(breaker: BreakerState, result: 'sick' | 'healthy' | 'neutral') {
  breaker.trialInFlight = false
  if (result === 'sick') {
    breaker.failures++
    if (breaker.openedAt !== null || breaker.failures >= BREAKER.failures) {
      breaker.openedAt = clock.now()
    }
  } else if (result === 'healthy') {
    breaker.failures = 0
    breaker.openedAt = null
  }
}

/**
 * An exchange with a provider that is not an HTTP call (an SMTP session) behind the same breaker
 * per tenant and provider: refused at once while it is open; `isSick` says which failures count.
 */
export async function throughBreaker<T>(
  tenantId: number,
  provider: string,
  work: () => Promise<T>,
  isSick: (error: unknown) => boolean
): Promise<T> {
  const breaker = breakerOf(tenantId, provider)
  if (!admit(breaker)) throw new CircuitOpen(provider)
  try {
    const result = await work()
    settle(breaker, 'healthy')
    return result
  } catch (error) {
    settle(breaker, isSick(error) ? 'sick' : 'neutral')
    throw error
  }
}

/** Full jitter over a capped exponential: a random delay in [0, min(cap, base·2^attempt)). */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(BACKOFF.capMs, BACKOFF.baseMs * 2 ** attempt))
}

const SECRET_KEY = /pass|secret|token|key|pan|cvv|card_?number/i

/** A body for the log: secret values and secret-looking JSON fields replaced, then capped. */
export function redact(body: string | undefined, secrets: string[]): string | null {
  if (!body) return null
  let text = body
  try {
    text = JSON.stringify(JSON.parse(body), (key, value) =>
      key && SECRET_KEY.test(key) && typeof value !== 'object' ? '[redacted]' : value
    )
  } catch {
    // Not JSON: only the known secret values are replaced.
  }
  for (const secret of secrets.filter((value) => value.length >= 4)) {
    text = text.split(secret).join('[redacted]')
  }
  return text.length > 4000 ? `${text.slice(0, 4000)}…` : text
}

export interface ProviderCall {
  provider: string
  operation: string
  method: string
  url: string
  headers?: Record<string, string>
  body?: string
  /** Repeats allowed after the first attempt (only for operations safe to repeat). */
  retries?: number
  /** Per attempt (default 5 s). */
  timeoutMs?: number
  /** For the whole call, retries and waits included (default 5 s): a request path's budget. */
  deadlineMs?: number
  /** Values never to appear in the log (the credential's opened secrets). */
  secrets: string[]
}

type Outcome = 'ok' | 'http_error' | 'network_error' | 'timeout' | 'blocked' | 'circuit_open'

function retryable(outcome: Outcome, status: number | null) {
  return (
    outcome === 'network_error' || outcome === 'timeout' || status === 429 || (status ?? 0) >= 500
  )
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

type CallRow = Record<string, unknown>
const pendingLogs = new WeakMap<TransactionClientContract, { tenantId: number; rows: CallRow[] }>()

function logAfterTransaction(trx: TransactionClientContract, tenantId: number, row: CallRow) {
  let pending = pendingLogs.get(trx)
  if (!pending) {
    pending = { tenantId, rows: [] }
    pendingLogs.set(trx, pending)
    const flush = () => {
      const { rows } = pendingLogs.get(trx)!
      pendingLogs.delete(trx)
      // Once the ended transaction has let go of its connection, in a transaction of its own.
      setImmediate(() =>
        outsideTenantScope(() =>
          runInTenant(db, tenantId, () => db.table('provider_calls').multiInsert(rows)).catch(
            (error) => logger.error({ err: error, tenantId }, 'provider call log not written')
          )
        )
      )
    }
    trx.after('commit', flush)
    trx.after('rollback', flush)
  }
  pending.rows.push(row)
}

export async function callProvider(call: ProviderCall): Promise<OutboundResponse> {
  const scope = currentTenantScope()
  if (!scope?.trx) throw new Error('Provider calls are made inside a tenant transaction')
  const breaker = breakerOf(scope.tenantId, call.provider)
  const log = (entry: {
    status: number | null
    outcome: Outcome
    attempt: number
    durationMs: number
    response?: string
  }) =>
    logAfterTransaction(scope.trx, scope.tenantId, {
      tenant_id: scope.tenantId,
      provider: call.provider,
      operation: call.operation,
      method: call.method,
      url: call.url,
      status: entry.status,
      outcome: entry.outcome,
      attempt: entry.attempt,
      duration_ms: Math.round(entry.durationMs),
      request_body: redact(call.body, call.secrets),
      response_body: redact(entry.response, call.secrets),
    })

  // Inside a job the queue retries the whole attempt: one try per call here (no nesting).
  const attempts = 1 + (isInsideJob() ? 0 : (call.retries ?? 0))
  const deadline = performance.now() + (call.deadlineMs ?? 5000)
  for (let attempt = 1; ; attempt++) {
    if (!admit(breaker)) {
      await log({ status: null, outcome: 'circuit_open', attempt, durationMs: 0 })
      throw new CircuitOpen(call.provider)
    }
    const started = performance.now()
    let response: OutboundResponse | null = null
    let failure: unknown = null
    try {
      response = await outboundRequest({
        method: call.method,
        url: call.url,
        headers: call.headers,
        body: call.body,
        timeoutMs: Math.max(
          1,
          Math.floor(Math.min(call.timeoutMs ?? 5000, deadline - performance.now()))
        ),
      })
    } catch (error) {
      failure = error
    }
    const durationMs = performance.now() - started
    const outcome: Outcome = response
      ? response.status < 400
        ? 'ok'
        : 'http_error'
      : failure instanceof BlockedTarget
        ? 'blocked'
        : /within \d+ ms/.test(String((failure as Error)?.message))
          ? 'timeout'
          : 'network_error'
    await log({
      status: response?.status ?? null,
      outcome,
      attempt,
      durationMs,
      response: response?.body,
    })
    // The provider is sick when it does not answer or answers 5xx; a 4xx is our request's fault.
    const sick =
      outcome === 'network_error' || outcome === 'timeout' || (response?.status ?? 0) >= 500
    settle(breaker, sick ? 'sick' : outcome === 'blocked' ? 'neutral' : 'healthy')
    const delay = backoffDelay(attempt - 1)
    const again =
      attempt < attempts &&
      retryable(outcome, response?.status ?? null) &&
      performance.now() + delay < deadline - 50
    if (!again) {
      if (response) return response
      throw failure
    }
    await sleep(delay)
  }
}

/**
 * A call to the provider behind an opened credential: the path is joined to its base URL, and
 * its secrets are the values the log redacts.
 */
export function callCredential(
  credential: OpenedCredential,
  call: Omit<ProviderCall, 'provider' | 'url' | 'secrets'> & { path: string }
): Promise<OutboundResponse> {
  const { path, ...rest } = call
  const base = String(credential.settings.baseUrl).replace(/\/+$/, '')
  return callProvider({
    ...rest,
    provider: credential.provider,
    url: `${base}${path}`,
    secrets: Object.values(credential.secrets),
  })
}
