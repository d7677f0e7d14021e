import { defineModule, type RoleGrant } from '#app/core/modules/manifest'

/* Background jobs: the queue, its worker and the dead letters staff can read and retry. */
const administration: RoleGrant = {
  permissions: ['jobs.failures.manage'],
}

export default defineModule({
  key: 'jobs',
  label: { en: 'Background jobs', ru: 'Фоновые задачи', fa: 'کارهای پس‌زمینه' },
  permissions: [
    {
      key: 'jobs.failures.manage',
      label: {
        en: 'See failed background jobs and run them again',
        ru: 'Просмотр и повтор неудавшихся фоновых задач',
        fa: 'مشاهده و اجرای دوباره کارهای ناموفق',
      },
      scopes: ['own'],
      grantedAlongside: 'access.audit.view',
    },
  ],
  routes: {
    'cabinet.jobs.failures': { permission: 'jobs.failures.manage' },
    'cabinet.jobs.retry': { permission: 'jobs.failures.manage' },
    'bench.jobs_enqueue': { public: 'registered only with BENCH_ROUTES=true (npm run bench)' },
    'bench.jobs_done': { public: 'registered only with BENCH_ROUTES=true (npm run bench)' },
    'bench.jobs_direct': { public: 'registered only with BENCH_ROUTES=true (npm run bench)' },
  },
  notifications: [
    {
      type: 'jobs.dead_letter',
      audience: 'staff',
      permission: 'jobs.failures.manage',
      label: {
        en: 'A background job failed for good',
        ru: 'Фоновая задача не выполнена',
        fa: 'یک کار پس‌زمینه ناموفق ماند',
      },
      defaults: { inApp: true, email: true },
    },
  ],
  menu: [
    {
      route: 'cabinet.jobs.failures',
      id: 'job-failures',
      starts: [
        { in: 'agents', audience: 'staff', group: 'administration', order: 80 },
        { in: 'platform', audience: 'staff', order: 110 },
      ],
      audiences: ['staff'],
      label: { en: 'Failed jobs', ru: 'Сбои фоновых задач', fa: 'کارهای ناموفق' },
      icon: 'inbox',
    },
  ],
  // The platform owner and an agent's administrator hold the same of this module.
  roleGrants: { owner: administration, admin: administration },
})
