import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const Tenants = () => import('#app/platform/controllers/console_tenants_controller')
const Brand = () => import('#app/platform/controllers/console_brand_controller')
const Domains = () => import('#app/platform/controllers/console_domains_controller')
const Permissions = () => import('#app/platform/controllers/console_permissions_controller')

/* The platform console, on PLATFORM_DOMAIN only; every handler authorizes. */
router
  .group(() => {
    router.get('/', [Tenants, 'index']).as('index')
    router.get('/permissions', [Permissions, 'index']).as('permissions')
    router.post('/tenants', [Tenants, 'store']).as('tenants.store')
    router.get('/tenants/:id', [Tenants, 'show']).as('tenants.show')
    router.put('/tenants/:id/status', [Tenants, 'updateStatus']).as('tenants.status')
    router.put('/tenants/:id/modules', [Tenants, 'updateModule']).as('tenants.modules')
    router.put('/tenants/:id/brand', [Brand, 'update']).as('brand.update')
    router
      .get('/tenants/:id/assets/:asset', [Brand, 'show'])
      .as('brand.asset')
      .where('asset', /^(logo-light|logo-dark|favicon)$/)
    router
      .post('/tenants/:id/assets/:asset', [Brand, 'upload'])
      .as('brand.upload')
      .where('asset', /^(logo-light|logo-dark|favicon)$/)
    router
      .delete('/tenants/:id/assets/:asset', [Brand, 'remove'])
      .as('brand.remove')
      .where('asset', /^(logo-light|logo-dark|favicon)$/)
    router.post('/tenants/:id/domains', [Domains, 'store']).as('domains.store')
    router.post('/tenants/:id/domains/:domainId/verify', [Domains, 'verify']).as('domains.verify')
    router.put('/tenants/:id/domains/:domainId/primary', [Domains, 'primary']).as('domains.primary')
    router
      .put('/tenants/:id/domains/:domainId/status', [Domains, 'updateStatus'])
      .as('domains.status')
  })
  .prefix('/console')
  .as('console')
  .use([
    middleware.platformOnly(),
    middleware.tenantDb(),
    middleware.auth({ audience: 'staff' }),
    middleware.inertia(),
  ])
