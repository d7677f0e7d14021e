import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const Clients = () => import('#app/clients/controllers/clients_controller')
const LinkRequests = () => import('#app/clients/controllers/link_requests_controller')

router
  .group(() => {
    router.get('/clients', [Clients, 'index']).as('clients.index')
    router.post('/clients', [Clients, 'store']).as('clients.store')
    router.get('/clients/:id', [Clients, 'show']).as('clients.show')
    router.get('/requests', [LinkRequests, 'index']).as('requests.index')
    router.post('/requests/:id/approve', [LinkRequests, 'approve']).as('requests.approve')
    router.post('/requests/:id/reject', [LinkRequests, 'reject']).as('requests.reject')
    router.post('/clients/:id/members', [Clients, 'linkMember']).as('clients.members.store')
    router
      .delete('/clients/:id/members/:userId', [Clients, 'unlinkMember'])
      .as('clients.members.destroy')
  })
  .prefix('/cabinet')
  .as('cabinet')
  .use([middleware.tenantDb(), middleware.auth({ audience: 'staff' }), middleware.inertia()])
