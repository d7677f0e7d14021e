import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const Clients = () => import('#app/clients/controllers/clients_controller')
const LinkRequests = () => import('#app/clients/controllers/link_requests_controller')

router
  .group(() => {
    router.get('/clients', [Clients, 'index']).as('clients.index')
    router.post('/clients', [Clients, 'store']).as('clients.store')
    router.get('/clients/:id', [Clients, 'show']).as('clients.show')
    router.get('/link-requests', [LinkRequests, 'index']).as('link_requests.index')
    router.post('/link-requests/:id/approve', [LinkRequests, 'approve']).as('link_requests.approve')
    router.post('/link-requests/:id/reject', [LinkRequests, 'reject']).as('link_requests.reject')
    router.post('/clients/:id/members', [Clients, 'linkMember']).as('clients.members.store')
    router
      .delete('/clients/:id/members/:userId', [Clients, 'unlinkMember'])
      .as('clients.members.destroy')
  })
  .prefix('/cabinet')
  .as('cabinet')
  .use([middleware.tenantDb(), middleware.auth({ audience: 'staff' }), middleware.inertia()])

/* `npm run bench` (BENCH_ROUTES=true only): the cost of reading a hot list, for ADR 0023. */
if (process.env.BENCH_ROUTES === 'true') {
  // Its own transaction, rolled back: not the request's (which would commit the bench rows).
  const HydrationBench = () => import('#app/clients/bench_hydration')
  router.get('/_bench/hydration', [HydrationBench]).as('bench.hydration')
}
