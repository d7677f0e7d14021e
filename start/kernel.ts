/*
 * HTTP kernel: security headers, then tenant resolution, before anything else can answer.
 */
import router from '@adonisjs/core/services/router'
import server from '@adonisjs/core/services/server'

server.errorHandler(() => import('#app/exceptions/handler'))

server.use([
  () => import('#app/core/http/security_headers_middleware'),
  () => import('#app/tenancy/middleware/resolve_tenant_middleware'),
  () => import('#app/middleware/container_bindings_middleware'),
  () => import('@adonisjs/static/static_middleware'),
  () => import('@adonisjs/vite/vite_middleware'),
])

router.use([
  () => import('#app/core/modules/module_gate_middleware'),
  // Multipart only where a module declares an upload; read later, by its handler.
  () => import('#app/core/http/upload_gate_middleware'),
  () => import('@adonisjs/core/bodyparser_middleware'),
  // Session, Shield and auth, except for the routes a manifest declares stateless.
  () => import('#app/core/http/stateful_middleware'),
  // Control characters, absurd nesting and out-of-range ids never reach a handler.
  () => import('#app/core/http/input_hygiene_middleware'),
])

export const middleware = router.named({
  tenantDb: () => import('#app/tenancy/middleware/tenant_transaction_middleware'),
  inertia: () => import('#app/middleware/inertia_middleware'),
  auth: () => import('#app/auth/middleware/auth_middleware'),
  guest: () => import('#app/auth/middleware/guest_middleware'),
  platformOnly: () => import('#app/platform/middleware/platform_only_middleware'),
})
