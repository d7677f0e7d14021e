import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const HomeController = () => import('#portal/controllers/home_controller')

/* `/` sends each person to their shell: the console, the staff cabinet or the client portal. */
router
  .get('/', [HomeController])
  .as('home')
  .use([middleware.tenantDb(), middleware.auth(), middleware.inertia()])
