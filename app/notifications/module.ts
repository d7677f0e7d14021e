import { defineModule, type RoleGrant } from '#app/core/modules/manifest'

/*
 * Notifications (issue #4 §9): each person's in-app centre with live updates, e-mail, and
 * preferences per event type; staff read the history of what was sent to whom. The events
 * themselves are declared by the modules that fire them (`notifications` in their manifests).
 */
const administration: RoleGrant = {
  permissions: ['notifications.history.view'],
}

export default defineModule({
  key: 'notifications',
  label: { en: 'Notifications', ru: 'Уведомления', fa: 'اعلان‌ها' },
  permissions: [
    {
      key: 'notifications.history.view',
      label: {
        en: 'See which notifications were sent to whom',
        ru: 'Журнал отправленных уведомлений',
        fa: 'مشاهده اعلان‌های ارسال‌شده',
      },
      scopes: ['own'],
      grantedAlongside: 'mail.log.view',
    },
  ],
  routes: {
    'notifications.index': { self: 'a person reads only their own notifications' },
    'notifications.feed': { self: 'a person reads only their own notifications' },
    'notifications.stream': { self: 'a person listens only to their own notifications' },
    'notifications.read': { self: 'a person marks only their own notifications' },
    'notifications.read_all': { self: 'a person marks only their own notifications' },
    'account.notifications': { self: 'a person sets only their own preferences' },
    'account.notifications.update': { self: 'a person sets only their own preferences' },
    'cabinet.notifications.history': { permission: 'notifications.history.view' },
  },
  menu: [
    {
      route: 'notifications.index',
      audiences: ['staff', 'client'],
      label: { en: 'Notifications', ru: 'Уведомления', fa: 'اعلان‌ها' },
      icon: 'inbox',
    },
    {
      route: 'cabinet.notifications.history',
      id: 'notifications-sent',
      starts: [
        { in: 'agents', audience: 'staff', group: 'administration', order: 70 },
        { in: 'platform', audience: 'staff', order: 100 },
      ],
      audiences: ['staff'],
      label: {
        en: 'Notifications sent',
        ru: 'Отправленные уведомления',
        fa: 'اعلان‌های ارسال‌شده',
      },
      icon: 'mail',
    },
  ],
  // The platform owner and an agent's administrator hold the same of this module.
  roleGrants: { owner: administration, admin: administration },
})
