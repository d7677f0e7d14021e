import type { ApplicationService } from '@adonisjs/core/types'
import { TenantRegistry } from '#app/tenancy/tenant_registry'
import { TrustedProxies } from '#app/tenancy/trusted_proxies'
import { installTenantTransactions } from '#app/core/database/tenant_context'
import type { ResolvedTenant } from '#app/tenancy/tenant_registry'

declare module '@adonisjs/core/types' {
  interface ContainerBindings {
    'tenancy.registry': TenantRegistry
    'tenancy.trustedProxies': TrustedProxies
  }
}

declare module '@adonisjs/core/http' {
  interface HttpContext {
    /** The tenant resolved from the request host; unset only on tenant-free routes. */
    tenant: ResolvedTenant
  }
}

/*
 * Wires tenancy into the app: the registry (host -> tenant cache), the request-bound
 * transaction hook in Lucid, and the Redis invalidation bus when REDIS_URL is set.
 */
export default class TenancyProvider {
  constructor(protected app: ApplicationService) {}

  register() {
    this.app.container.singleton('tenancy.registry', async (resolver) => {
      const db = await resolver.make('lucid.db')
      return new TenantRegistry(db)
    })
    this.app.container.singleton('tenancy.trustedProxies', async () => {
      const env = (await import('#start/env')).default
      return new TrustedProxies(env.get('TRUSTED_PROXIES'))
    })
  }

  async boot() {
    const db = await this.app.container.make('lucid.db')
    installTenantTransactions(db, db.primaryConnectionName)
  }

  async start() {
    const env = (await import('#start/env')).default
    const redisUrl = env.get('REDIS_URL')
    if (redisUrl && ['web', 'test'].includes(this.app.getEnvironment())) {
      const registry = await this.app.container.make('tenancy.registry')
      const { connectRedisBus } = await import('#app/tenancy/redis_bus')
      registry.useBus(await connectRedisBus(redisUrl, () => registry.invalidateLocally()))
    }
  }

  async shutdown() {
    const registry = await this.app.container.make('tenancy.registry')
    await registry.closeBus()
  }
}
