import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const SessionController = () => import('#auth/controllers/session_controller')

/* Public by design: signing in and out. The page itself touches no database. */
router
  .get('/login', [SessionController, 'create'])
  .as('auth.login')
  .use([middleware.guest(), middleware.inertia()])
router
  .group(() => {
    router.post('/login', [SessionController, 'store']).as('auth.login.store')
    router.post('/logout', [SessionController, 'destroy']).as('auth.logout')
  })
  .use([middleware.tenantDb(), middleware.inertia()])
