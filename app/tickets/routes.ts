import app from '@adonisjs/core/services/app'
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { authorize } from '#app/access/authorization'

/*
 * Test-only probe for the module gate (issue #4 §1) until tickets get their screens: a route
 * of a business module, so a test can see it answer 404 where the module is switched off.
 * Registered only when NODE_ENV=test.
 */
if (app.inTest) {
  router
    .get('/_test/tickets', async (ctx) => {
      await authorize(ctx, 'tickets.tickets.manage')
      return { ok: true }
    })
    .use([middleware.tenantDb(), middleware.auth({ audience: 'staff' })])
    .as('test.tickets_probe')
}
