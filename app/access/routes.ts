import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const SubAgents = () => import('#access/controllers/sub_agents_controller')

/* The agent's cabinet: sub-agents and the packages it gives them. */
router
  .group(() => {
    router.get('/sub-agents', [SubAgents, 'index']).as('subagents.index')
    router.post('/sub-agents', [SubAgents, 'store']).as('subagents.store')
    router.post('/packages', [SubAgents, 'storePackage']).as('packages.store')
    router.put('/packages/:id', [SubAgents, 'updatePackage']).as('packages.update')
  })
  .prefix('/cabinet')
  .as('cabinet')
  .use([middleware.tenantDb(), middleware.auth({ audience: 'staff' }), middleware.inertia()])
