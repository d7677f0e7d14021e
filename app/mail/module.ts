import { defineModule, type RoleGrant } from '#app/core/modules/manifest'

/* Transactional mail of each tenant, and its log. */
const administration: RoleGrant = {
  permissions: ['mail.log.view'],
}

export default defineModule({
  key: 'mail',
  label: { en: 'Mail', ru: 'Почта', fa: 'ایمیل' },
  permissions: [
    {
      key: 'mail.log.view',
      label: {
        en: 'See what was mailed to whom',
        ru: 'Журнал отправленных писем',
        fa: 'مشاهده ایمیل‌های ارسال‌شده',
      },
      scopes: ['own'],
      grantedAlongside: 'access.audit.view',
    },
  ],
  routes: {
    'cabinet.mail_log': { permission: 'mail.log.view' },
  },
  menu: [
    {
      route: 'cabinet.mail_log',
      id: 'mail-log',
      starts: [
        { in: 'agents', audience: 'staff', group: 'administration', order: 60 },
        { in: 'platform', audience: 'staff', order: 90 },
      ],
      audiences: ['staff'],
      label: { en: 'Mail sent', ru: 'Отправленные письма', fa: 'ایمیل‌های ارسال‌شده' },
      icon: 'mail',
    },
  ],
  // The platform owner and an agent's administrator hold the same of this module.
  roleGrants: { owner: administration, admin: administration },
})
