import router from '@adonisjs/core/services/router'

const HealthController = () => import('#app/health/controllers/health_controller')
const TlsAskController = () => import('#app/health/controllers/tls_ask_controller')

/* Served on any host, before and without a tenant; they reveal nothing about tenants. */
router.get('/health/live', [HealthController, 'live']).as('health.live')
router.get('/health/ready', [HealthController, 'ready']).as('health.ready')
router.get('/_tls/ask', [TlsAskController]).as('tls.ask')
