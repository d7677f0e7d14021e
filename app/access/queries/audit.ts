/* The tenant's audit log, newest first, filtered, a page at a time (index on tenant, time). */
import db from '@adonisjs/lucid/services/db'
import type { ChainableContract } from '@adonisjs/lucid/types/querybuilder'
import AuditLog from '#app/audit/models/audit_log'
import type { AuditRowProps } from '#app/access/pages'
export type { AuditRowProps }

export interface AuditFilters {
  /** The tenant's own log, or its whole subtree's (inside withSubtreeReads). */
  subtreePath?: string
  action?: string
  actor?: number
  from?: Date
  to?: Date
  page: number
}

export const AUDIT_PAGE_SIZE = 50

/* A row of the page as the query reads it. */
type AuditRecord = {
  id: number
  created_at: Date | string
  action: string
  subject_type: string | null
  subject_id: string | null
  after: unknown
  before: unknown
  tenant_id: number
  impersonator_user_id: number | null
  ip: string | null
  actor_name: string | null
  actor_email: string | null
}

/* The page's filters and window, on the tenant's own log or the subtree's. */
function pageOf<Query extends ChainableContract>(query: Query, filters: AuditFilters): Query {
  return query
    .leftJoin('users', (join) => {
      join.on('users.tenant_id', 'audit_log.tenant_id').andOn('users.id', 'audit_log.actor_user_id')
    })
    .if(filters.action, (q) => q.where('audit_log.action', 'like', `${filters.action}%`))
    .if(filters.actor, (q) => q.where('audit_log.actor_user_id', filters.actor!))
    .if(filters.from, (q) => q.where('audit_log.created_at', '>=', filters.from!))
    .if(filters.to, (q) => q.where('audit_log.created_at', '<', filters.to!))
    .orderBy('audit_log.created_at', 'desc')
    .orderBy('audit_log.id', 'desc')
    .limit(AUDIT_PAGE_SIZE + 1)
    .offset((filters.page - 1) * AUDIT_PAGE_SIZE)
    .select(
      'audit_log.id',
      'audit_log.created_at',
      'audit_log.action',
      'audit_log.subject_type',
      'audit_log.subject_id',
      'audit_log.after',
      'audit_log.before',
      'audit_log.tenant_id',
      'audit_log.impersonator_user_id',
      db.raw('host(audit_log.ip) as ip'),
      'users.full_name as actor_name',
      'users.email as actor_email'
    )
}

export async function auditPage(filters: AuditFilters) {
  // The own log through the model (tenant filter by construction); the subtree's stays SQL: it
  // reads many tenants inside withSubtreeReads, walled by the subtree policy (ADR 0023 §4).
  const path = filters.subtreePath
  const rows = path
    ? ((await pageOf(
        db.from('audit_log').whereRaw('audit_log.tenant_path <@ ?::ltree', [path]),
        filters
      )) as AuditRecord[])
    : await pageOf(AuditLog.query(), filters).pojo<AuditRecord>()
  const actions = path
    ? ((await db
        .from('audit_log')
        .whereRaw('tenant_path <@ ?::ltree', [path])
        .distinct('action')
        .orderBy('action')) as Array<{ action: string }>)
    : await AuditLog.query().distinct('action').orderBy('action').pojo<{ action: string }>()
  return {
    rows: rows.slice(0, AUDIT_PAGE_SIZE).map((row): AuditRowProps => ({
      id: row.id,
      at: new Date(row.created_at).toISOString(),
      action: row.action,
      actor: row.actor_name ? `${row.actor_name} <${row.actor_email}>` : null,
      subject:
        row.subject_type || row.subject_id
          ? `${row.subject_type ?? ''} ${row.subject_id ?? ''}`.trim()
          : null,
      ip: row.ip,
      details: row.after ? JSON.stringify(row.after) : null,
      changes: diff(row.before, row.after),
      tenantId: row.tenant_id,
      impersonated: row.impersonator_user_id !== null,
    })),
    hasMore: rows.length > AUDIT_PAGE_SIZE,
    actions: actions.map((row) => row.action),
  }
}

/** Before/after as a list of keys whose value changed (or the whole value when not objects). */
export function diff(before: unknown, after: unknown) {
  const isRecord = (value: unknown): value is Record<string, unknown> =>
    !!value && typeof value === 'object' && !Array.isArray(value)
  const show = (value: unknown) => (value === undefined ? null : JSON.stringify(value))
  if (!isRecord(before) && !isRecord(after)) {
    return before === null && after === null
      ? []
      : [{ key: '', before: show(before), after: show(after) }]
  }
  const from = isRecord(before) ? before : {}
  const to = isRecord(after) ? after : {}
  return [...new Set([...Object.keys(from), ...Object.keys(to)])]
    .filter((key) => JSON.stringify(from[key]) !== JSON.stringify(to[key]))
    .map((key) => ({ key, before: show(from[key]), after: show(to[key]) }))
}
