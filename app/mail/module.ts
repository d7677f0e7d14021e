import { defineModule } from '#app/core/modules/manifest'

/* Transactional mail of each tenant, and its log. */
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
      audiences: ['staff'],
      label: { en: 'Mail sent', ru: 'Отправленные письма', fa: 'ایمیل‌های ارسال‌شده' },
      icon: 'mail',
    },
  ],
})
