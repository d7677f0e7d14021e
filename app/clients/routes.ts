import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const Clients = () => import('#clients/controllers/clients_controller')

router
  .group(() => {
    router.get('/clients', [Clients, 'index']).as('clients.index')
    router.post('/clients', [Clients, 'store']).as('clients.store')
  })
  .prefix('/cabinet')
  .as('cabinet')
  .use([middleware.tenantDb(), middleware.auth({ audience: 'staff' }), middleware.inertia()])
