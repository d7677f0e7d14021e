/*
 * The tenant context of the current unit of work (an HTTP request, a seed step, a job).
 *
 * Lucid has no request-bound transaction, but its `db.connection()` returns a "global
 * transaction" when one is registered for the connection name (the hook its own test
 * utilities use). Replacing that registry with one that reads AsyncLocalStorage makes
 * every model, query builder and preload inside `runInTenant()` use the unit's
 * transaction, whose first statement sets `app.tenant_id` with `set_config(..., true)`:
 * local to the transaction, so a pooled connection can never carry it to another request.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { Database } from '@adonisjs/lucid/database'

export interface TenantScope {
  tenantId: number
  trx: TransactionClientContract
}

const storage = new AsyncLocalStorage<TenantScope>()

/** Thrown when tenant-owned data is touched outside a tenant context: a bug, never user input. */
export class MissingTenantContextError extends Error {
  constructor(what: string) {
    super(`${what} needs a tenant context (runInTenant / the tenant transaction middleware)`)
    this.name = 'MissingTenantContextError'
  }
}

export function currentTenantScope(): TenantScope | undefined {
  return storage.getStore()
}

export function requireTenantId(what = 'This query'): number {
  const scope = storage.getStore()
  if (!scope) throw new MissingTenantContextError(what)
  return scope.tenantId
}

/**
 * Lucid's `connectionGlobalTransactions` map, answering from the current tenant scope
 * first. Explicit global transactions (none in the app) keep working as before.
 */
class TenantTransactionRegistry extends Map<string, TransactionClientContract> {
  constructor(private connectionName: string) {
    super()
  }

  override has(name: string) {
    const scope = storage.getStore()
    if (scope && name === this.connectionName && !scope.trx.isCompleted) return true
    return super.has(name)
  }

  override get(name: string) {
    const scope = storage.getStore()
    if (scope && name === this.connectionName && !scope.trx.isCompleted) return scope.trx
    return super.get(name)
  }
}

export function installTenantTransactions(db: Database, connectionName: string) {
  const target = db as unknown as { connectionGlobalTransactions: Map<string, unknown> }
  target.connectionGlobalTransactions = new TenantTransactionRegistry(connectionName)
}

export async function openTenantTransaction(
  db: Database,
  connectionName: string,
  tenantId: number
): Promise<TransactionClientContract> {
  const trx = await db.connection(connectionName).transaction()
  try {
    await trx.rawQuery(`select set_config('app.tenant_id', ?, true)`, [String(tenantId)])
  } catch (error) {
    // Knex ends a transaction whose BEGIN failed (a database that did not answer) and then
    // reports only "already complete": say what happened.
    if (trx.isCompleted) throw new DatabaseUnavailableError(error)
    throw error
  }
  return trx
}

/** The transaction could not begin: the database did not answer (answered 503). */
export class DatabaseUnavailableError extends Error {
  readonly code = 'E_DATABASE_UNAVAILABLE'
  constructor(cause: unknown) {
    super('the database did not begin the transaction', { cause })
  }
}

/**
 * Runs `work` inside one transaction scoped to `tenantId`; commits when it resolves,
 * rolls back when it throws. Nested calls for the same tenant reuse the transaction.
 */
export async function runInTenant<T>(
  db: Database,
  tenantId: number,
  work: () => Promise<T>,
  connectionName = db.primaryConnectionName
): Promise<T> {
  const outer = storage.getStore()
  if (outer && outer.tenantId === tenantId && !outer.trx.isCompleted) return work()
  const trx = await openTenantTransaction(db, connectionName, tenantId)
  try {
    const result = await storage.run({ tenantId, trx }, work)
    await trx.commit()
    return result
  } catch (error) {
    if (!trx.isCompleted) await trx.rollback()
    throw error
  }
}

/**
 * Runs `work` outside any tenant scope: work scheduled from a transaction's commit or rollback
 * hook must not find (and reuse) the transaction that just ended.
 */
export function outsideTenantScope<T>(work: () => T): T {
  return storage.exit(work)
}

/**
 * Runs `work` once the current tenant transaction commits (never for a rollback), or at once
 * outside one: for effects that leave the database (mail, live events).
 */
export function afterCommit(work: () => void) {
  const trx = storage.getStore()?.trx
  if (trx && !trx.isCompleted) trx.after('commit', work)
  else work()
}

/** Runs `work` with the given scope bound (used by the HTTP middleware). */
export function withTenantScope<T>(scope: TenantScope, work: () => T): T {
  return storage.run(scope, work)
}

/**
 * Runs `work` in the current transaction re-scoped to another tenant, then restores the
 * outer scope. For platform actions that write a new tenant's own rows (provisioning).
 */
export async function asTenant<T>(tenantId: number, work: () => Promise<T>): Promise<T> {
  const outer = storage.getStore()
  if (!outer) throw new MissingTenantContextError('asTenant()')
  const setScope = (id: number) =>
    outer.trx.rawQuery(`select set_config('app.tenant_id', ?, true)`, [String(id)])
  await setScope(tenantId)
  try {
    return await storage.run({ tenantId, trx: outer.trx }, work)
  } finally {
    await setScope(outer.tenantId)
  }
}
