/*
 * HTTP kernel: tenant resolution runs first, before anything else can answer.
 */
import router from '@adonisjs/core/services/router'
import server from '@adonisjs/core/services/server'

server.errorHandler(() => import('#exceptions/handler'))

server.use([
  () => import('#tenancy/middleware/resolve_tenant_middleware'),
  () => import('#middleware/container_bindings_middleware'),
  () => import('#core/http/referrer_policy_middleware'),
  () => import('@adonisjs/static/static_middleware'),
  () => import('@adonisjs/vite/vite_middleware'),
])

router.use([
  () => import('#core/modules/module_gate_middleware'),
  () => import('@adonisjs/core/bodyparser_middleware'),
  () => import('@adonisjs/session/session_middleware'),
  () => import('@adonisjs/shield/shield_middleware'),
  () => import('@adonisjs/auth/initialize_auth_middleware'),
])

export const middleware = router.named({
  tenantDb: () => import('#tenancy/middleware/tenant_transaction_middleware'),
  inertia: () => import('#middleware/inertia_middleware'),
  auth: () => import('#auth/middleware/auth_middleware'),
  guest: () => import('#auth/middleware/guest_middleware'),
  platformOnly: () => import('#platform/middleware/platform_only_middleware'),
})
