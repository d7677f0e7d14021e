import app from '@adonisjs/core/services/app'
import { currentTenantScope } from '#app/core/database/tenant_context'

/*
 * Tenants, domains and brands feed the tenant registry; every change to them calls this.
 * Inside a transaction the registry is invalidated after commit (a rollback changes nothing),
 * here and, through the Redis bus, in every other process.
 */
export async function invalidateRegistryAfterCommit() {
  const invalidate = async () => {
    const registry = await app.container.make('tenancy.registry')
    await registry.invalidate()
  }
  const trx = currentTenantScope()?.trx
  if (trx && !trx.isCompleted) trx.after('commit', invalidate)
  else await invalidate()
}
