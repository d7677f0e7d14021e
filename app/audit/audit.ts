/*
 * The audit log (append-only, see migration 0010). Two ways in:
 *  - `recordAudit`: inside the request's tenant transaction, so it commits or rolls back
 *    with the change it describes;
 *  - `recordAuditDurably`: for events that must survive a rolled-back request (a refused
 *    sign-in, a denied authorization). The tenant transaction middleware writes them after
 *    the request's transaction has finished, in a transaction of their own, never holding
 *    two pooled connections at once.
 * No secret ever goes in: callers pass identifiers and outcomes, never passwords or tokens.
 */
import type { HttpContext } from '@adonisjs/core/http'
import type { Database } from '@adonisjs/lucid/database'
import { currentTenantScope, runInTenant } from '#app/core/database/tenant_context'
import { impersonatorOf } from '#app/core/http/acting_person'

export interface AuditEntry {
  action: string
  subjectType?: string
  subjectId?: string | number
  before?: unknown
  after?: unknown
  /** Set by the impersonation start itself; otherwise read from the live session. */
  impersonatorUserId?: number
}

interface AuditRow {
  tenant_id: number
  actor_user_id: number | null
  impersonator_user_id: number | null
  action: string
  subject_type: string | null
  subject_id: string | null
  before: string | null
  after: string | null
  ip: string | null
}

function rowFor(ctx: HttpContext, entry: AuditEntry): AuditRow {
  const user = ctx.auth?.use('web').user as { id: number } | undefined
  return {
    tenant_id: ctx.tenant.id,
    actor_user_id: user?.id ?? null,
    // Every row written while someone impersonates carries who it really was (SECURITY A8).
    impersonator_user_id: entry.impersonatorUserId ?? impersonatorOf(ctx),
    action: entry.action,
    subject_type: entry.subjectType ?? null,
    subject_id: entry.subjectId === undefined ? null : String(entry.subjectId),
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
    ip: ctx.request.ip() ?? null,
  }
}

const audited = new WeakSet<HttpContext>()

export async function recordAudit(ctx: HttpContext, entry: AuditEntry) {
  const trx = currentTenantScope()?.trx
  if (!trx) throw new Error('recordAudit runs inside the request transaction')
  await trx.table('audit_log').insert(rowFor(ctx, entry))
  audited.add(ctx)
}

/** Whether the handler wrote its own entry (with before/after): the generic one is then redundant. */
export function wasAudited(ctx: HttpContext) {
  return audited.has(ctx)
}

const durable = new WeakMap<HttpContext, AuditRow[]>()

export function recordAuditDurably(ctx: HttpContext, entry: AuditEntry) {
  durable.set(ctx, [...(durable.get(ctx) ?? []), rowFor(ctx, entry)])
}

/** Called by the tenant transaction middleware once the request's transaction is over. */
export async function flushDurableAudit(ctx: HttpContext, db: Database) {
  const rows = durable.get(ctx)
  if (!rows?.length) return
  durable.delete(ctx)
  await runInTenant(db, ctx.tenant.id, () => db.table('audit_log').multiInsert(rows))
}

/**
 * An entry written by the system rather than a request (a job, a command), inside the current
 * tenant transaction: no person, no address.
 */
export async function recordSystemAudit(entry: AuditEntry) {
  const scope = currentTenantScope()
  if (!scope?.trx) throw new Error('recordSystemAudit runs inside a tenant transaction')
  await scope.trx.table('audit_log').insert({
    tenant_id: scope.tenantId,
    actor_user_id: null,
    impersonator_user_id: null,
    action: entry.action,
    subject_type: entry.subjectType ?? null,
    subject_id: entry.subjectId === undefined ? null : String(entry.subjectId),
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
    ip: null,
  })
}
