import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const Inbox = () => import('#app/notifications/controllers/inbox_controller')
const Preferences = () => import('#app/notifications/controllers/preferences_controller')
const History = () => import('#app/notifications/controllers/history_controller')

router
  .group(() => {
    router.get('/notifications', [Inbox, 'index']).as('notifications.index')
    router.get('/account/notifications', [Preferences, 'show']).as('account.notifications')
    router.put('/account/notifications', [Preferences, 'update']).as('account.notifications.update')
  })
  .use([middleware.tenantDb(), middleware.auth(), middleware.inertia()])

router
  .group(() => {
    router.get('/notifications/feed', [Inbox, 'feed']).as('notifications.feed')
    router.post('/notifications/read-all', [Inbox, 'readAll']).as('notifications.read_all')
    router.post('/notifications/:id/read', [Inbox, 'read']).as('notifications.read')
    // The stream's transaction ends (and its connection returns to the pool) as soon as the
    // person is authenticated; the open stream holds no database connection.
    router.get('/notifications/stream', [Inbox, 'stream']).as('notifications.stream')
  })
  .use([middleware.tenantDb(), middleware.auth()])

router
  .get('/cabinet/notifications/history', [History, 'index'])
  .as('cabinet.notifications.history')
  .use([middleware.tenantDb(), middleware.auth({ audience: 'staff' }), middleware.inertia()])
