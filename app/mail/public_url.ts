import env from '#start/env'
import type { ResolvedTenant } from '#app/tenancy/tenant_registry'

/*
 * Absolute links to a tenant's site, always on its primary domain (never the host a request
 * came in on, which an attacker may choose). PUBLIC_PORT is for development, where the app is
 * reached on its own port; in production a proxy listens on the default one.
 */
export function tenantUrl(tenant: Pick<ResolvedTenant, 'primaryHost' | 'slug'>, path: string) {
  const scheme = env.get('PUBLIC_SCHEME', 'http')
  const host = tenant.primaryHost ?? `${tenant.slug}.${env.get('PLATFORM_DOMAIN', 'localhost')}`
  const port =
    env.get('PUBLIC_PORT') ?? (env.get('NODE_ENV') === 'production' ? undefined : env.get('PORT'))
  const defaultPort = scheme === 'https' ? 443 : 80
  const portPart = port && Number(port) !== defaultPort ? `:${port}` : ''
  return `${scheme}://${host}${portPart}${path}`
}
