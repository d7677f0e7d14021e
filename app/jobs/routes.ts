import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const Failures = () => import('#app/jobs/failures_controller')

/* Dead letters: jobs that used up their retries, per tenant (issue #4 §7). */
router
  .group(() => {
    router.get('/jobs/failures', [Failures, 'index']).as('jobs.failures')
    router.post('/jobs/failures/:id/retry', [Failures, 'retry']).as('jobs.retry')
  })
  .prefix('/cabinet')
  .as('cabinet')
  .use([middleware.tenantDb(), middleware.auth({ audience: 'staff' }), middleware.inertia()])

/*
 * `npm run bench` (BENCH_ROUTES=true only): tenant jobs end to end against the same tenant
 * transactions run directly in a loop. Each job, and each loop turn, writes one audit row in
 * its own tenant transaction.
 */
if (process.env.BENCH_ROUTES === 'true') {
  const bench = () => import('#app/jobs/bench_controller')
  router.get('/_bench/jobs/enqueue', [bench, 'enqueue']).as('bench.jobs_enqueue')
  router.get('/_bench/jobs/done', [bench, 'done']).as('bench.jobs_done')
  router.get('/_bench/jobs/direct', [bench, 'direct']).as('bench.jobs_direct')
}
