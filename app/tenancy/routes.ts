import app from '@adonisjs/core/services/app'
import router from '@adonisjs/core/services/router'
import db from '@adonisjs/lucid/services/db'
import { middleware } from '#start/kernel'

/*
 * Test-only probe for the database wall: reads tenant-owned rows with NO tenant filter in
 * the query, so only RLS and the request-scoped transaction keep other tenants' rows out.
 * Registered only when NODE_ENV=test.
 */
if (app.inTest) {
  router
    .get('/_test/canaries', async () => {
      const rows = await db.from('dictionary_entries').where('dictionary', 'canary').select('code')
      return rows.map((row: { code: string }) => row.code)
    })
    .use(middleware.tenantDb())
    .as('test.canaries')
}

/*
 * The benchmark's baseline (`npm run bench`): a plain JSON route behind the same server and
 * router middleware as every tenant page (tenant resolution, session, shield, auth), with no
 * database work. Registered only when the bench starts the server with BENCH_ROUTES=true.
 */
if (process.env.BENCH_ROUTES === 'true') {
  router
    .get('/_bench/baseline', ({ tenant }) => ({ ok: true, tenant: tenant.slug }))
    .as('bench.baseline')
  // The same plain JSON answer behind the signed-in pages' own middleware (tenant
  // transaction, session check, Inertia): what a signed-in page costs before its own work.
  router
    .get('/_bench/signed-in-baseline', ({ tenant }) => ({ ok: true, tenant: tenant.slug }))
    .use([middleware.tenantDb(), middleware.auth(), middleware.inertia()])
    .as('bench.signed_in_baseline')
}
