import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const HomeController = () => import('#app/portal/controllers/home_controller')
const CompanyController = () => import('#app/portal/controllers/company_controller')
const ProfileController = () => import('#app/portal/controllers/profile_controller')

/* `/` sends each person to their shell: the console, the staff cabinet or the client portal. */
router
  .get('/', [HomeController])
  .as('home')
  .use([middleware.tenantDb(), middleware.auth(), middleware.inertia()])

/* The client portal's own screens. Staff get 403 from authorize(): they hold no client role. */
router
  .group(() => {
    router.post('/company', [CompanyController, 'switch']).as('portal.company.switch')
    router.get('/profile', [ProfileController, 'show']).as('portal.profile')
    router
      .post('/link-requests', [ProfileController, 'requestCompany'])
      .as('portal.link_requests.store')
  })
  .prefix('/portal')
  .use([middleware.tenantDb(), middleware.auth(), middleware.inertia()])
