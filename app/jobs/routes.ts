import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const Failures = () => import('#jobs/failures_controller')

/* Dead letters: jobs that used up their retries, per tenant (issue #4 §7). */
router
  .group(() => {
    router.get('/jobs/failures', [Failures, 'index']).as('jobs.failures')
    router.post('/jobs/failures/:id/retry', [Failures, 'retry']).as('jobs.retry')
  })
  .prefix('/cabinet')
  .as('cabinet')
  .use([middleware.tenantDb(), middleware.auth({ audience: 'staff' }), middleware.inertia()])
