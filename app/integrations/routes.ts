import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { PROVIDER_KEYS } from '#app/integrations/provider_registry'

const Integrations = () => import('#app/integrations/controllers/integrations_controller')
const Credentials = () => import('#app/integrations/controllers/credentials_controller')
const CodeMappings = () => import('#app/integrations/controllers/code_mappings_controller')
const MailFallback = () => import('#app/integrations/controllers/mail_fallback_controller')
const TestCredential = () => import('#app/integrations/controllers/test_credential_controller')
const Calls = () => import('#app/integrations/controllers/provider_calls_controller')
const provider = new RegExp(`^(${PROVIDER_KEYS.join('|')})$`)

/* A tenant's connections to its providers (issue #4 §3). */
router
  .group(() => {
    router.get('/integrations', [Integrations, 'index']).as('integrations.index')
    router.get('/integrations/calls', [Calls, 'index']).as('integrations.calls')
    router
      .put('/integrations/mail-fallback', [MailFallback, 'update'])
      .as('integrations.mail_fallback')
    router
      .put('/integrations/:provider', [Credentials, 'update'])
      .as('integrations.update')
      .where('provider', provider)
    router
      .put('/integrations/:provider/mappings', [CodeMappings, 'update'])
      .as('integrations.mappings')
      .where('provider', provider)
    router
      .delete('/integrations/:provider', [Credentials, 'destroy'])
      .as('integrations.destroy')
      .where('provider', provider)
    router
      .post('/integrations/:provider/test', [TestCredential, 'handle'])
      .as('integrations.test')
      .where('provider', provider)
  })
  .prefix('/cabinet')
  .as('cabinet')
  .use([middleware.tenantDb(), middleware.auth({ audience: 'staff' }), middleware.inertia()])
