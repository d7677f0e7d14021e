import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const Clients = () => import('#clients/controllers/clients_controller')

router
  .group(() => {
    router.get('/clients', [Clients, 'index']).as('clients.index')
    router.post('/clients', [Clients, 'store']).as('clients.store')
    router.get('/clients/:id', [Clients, 'show']).as('clients.show')
    router.post('/clients/:id/members', [Clients, 'linkMember']).as('clients.members.store')
    router
      .delete('/clients/:id/members/:userId', [Clients, 'unlinkMember'])
      .as('clients.members.destroy')
  })
  .prefix('/cabinet')
  .as('cabinet')
  .use([middleware.tenantDb(), middleware.auth({ audience: 'staff' }), middleware.inertia()])
