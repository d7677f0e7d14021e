import { defineModule } from '#app/core/modules/manifest'

/* Tenant resolution. Its only routes exist in tests and benchmarks, never in production. */
export default defineModule({
  key: 'tenancy',
  label: { en: 'Tenancy', ru: 'Арендаторы', fa: 'مستأجرها' },
  permissions: [],
  routes: {
    'test.canaries': { public: 'registered only when NODE_ENV=test (isolation canary)' },
    'bench.baseline': { public: 'registered only with BENCH_ROUTES=true (npm run bench)' },
    'bench.signed_in_baseline': {
      self: "registered only with BENCH_ROUTES=true: the signed-in pages' middleware, no work",
    },
  },
})
