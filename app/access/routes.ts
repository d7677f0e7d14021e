import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const SubAgents = () => import('#app/access/controllers/sub_agents_controller')
const People = () => import('#app/access/controllers/people_controller')
const UserStatus = () => import('#app/access/controllers/user_status_controller')
const StaffSecurity = () => import('#app/access/controllers/staff_security_controller')
const Roles = () => import('#app/access/controllers/roles_controller')
const Audit = () => import('#app/access/controllers/audit_controller')
const Invitations = () => import('#app/access/controllers/invitations_controller')
const Impersonations = () => import('#app/access/controllers/impersonations_controller')

/* The agent's cabinet: sub-agents and the packages it gives them. */
router
  .group(() => {
    router.get('/sub-agents', [SubAgents, 'index']).as('subagents.index')
    router.post('/sub-agents', [SubAgents, 'store']).as('subagents.store')
    router.put('/sub-agents/:id/modules', [SubAgents, 'updateModule']).as('subagents.modules')
    router.post('/packages', [SubAgents, 'storePackage']).as('packages.store')
    router.put('/packages/:id', [SubAgents, 'updatePackage']).as('packages.update')
    router.get('/people', [People, 'index']).as('people.index')
    router.post('/people/:id/roles', [People, 'assign']).as('people.assign')
    router.put('/people/:id/status', [UserStatus, 'update']).as('people.status')
    router.put('/security', [StaffSecurity, 'update']).as('security.update')
    router.get('/impersonate', [Impersonations, 'index']).as('impersonate.index')
    router.post('/impersonations', [Impersonations, 'store']).as('impersonations.store')
    router.post('/roles', [Roles, 'store']).as('roles.store')
    router.post('/invitations', [Invitations, 'store']).as('invitations.store')
    router.delete('/invitations/:id', [Invitations, 'destroy']).as('invitations.destroy')
    router.get('/audit', [Audit, 'index']).as('audit.index')
  })
  .prefix('/cabinet')
  .as('cabinet')
  .use([middleware.tenantDb(), middleware.auth({ audience: 'staff' }), middleware.inertia()])
