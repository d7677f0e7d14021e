import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const MailLog = () => import('#app/mail/mail_log_controller')

router
  .get('/cabinet/mail-log', [MailLog, 'index'])
  .as('cabinet.mail_log')
  .use([middleware.tenantDb(), middleware.auth({ audience: 'staff' }), middleware.inertia()])
