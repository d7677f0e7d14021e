import { currentTenantScope, MissingTenantContextError } from '#app/core/database/tenant_context'

/*
 * Reads across a subtree (migration 0015): inside `work`, the request's transaction may also
 * SELECT the clients, people and audit entries of every tenant under `path`, through the
 * read-only `*_subtree_read` policies. Writes are untouched: they still pass only the strict
 * tenant policy. Callers authorize a `subtree` grant first.
 */
export async function withSubtreeReads<T>(path: string, work: () => Promise<T>): Promise<T> {
  const scope = currentTenantScope()
  if (!scope) throw new MissingTenantContextError('withSubtreeReads()')
  await scope.trx.rawQuery(`select set_config('app.subtree_path', ?, true)`, [path])
  try {
    return await work()
  } finally {
    await scope.trx.rawQuery(`select set_config('app.subtree_path', '', true)`)
  }
}
