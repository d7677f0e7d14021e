/* The tenant's audit log, newest first, filtered, a page at a time (index on tenant, time). */
import db from '@adonisjs/lucid/services/db'
import { requireTenantId } from '#app/core/database/tenant_context'
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

export async function auditPage(filters: AuditFilters) {
  const tenantId = requireTenantId('auditPage')
  const query = db
    .from('audit_log')
    .leftJoin('users', (join) => {
      join.on('users.tenant_id', 'audit_log.tenant_id').andOn('users.id', 'audit_log.actor_user_id')
    })
    .if(
      filters.subtreePath,
      (q) => q.whereRaw('audit_log.tenant_path <@ ?::ltree', [filters.subtreePath!]),
      (q) => q.where('audit_log.tenant_id', tenantId)
    )
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
  const rows = await query
  const actions = (await db
    .from('audit_log')
    .if(
      filters.subtreePath,
      (q) => q.whereRaw('tenant_path <@ ?::ltree', [filters.subtreePath!]),
      (q) => q.where('tenant_id', tenantId)
    )
    .distinct('action')
    .orderBy('action')) as Array<{ action: string }>
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
