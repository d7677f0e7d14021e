import { defineModule, type RoleGrant } from '#app/core/modules/manifest'

/* Integrations: the provider registry and each tenant's credentials (issue #4 §3). */
const administration: RoleGrant = {
  permissions: ['integrations.credentials.manage', 'integrations.calls.view'],
}

export default defineModule({
  key: 'integrations',
  label: { en: 'Integrations', ru: 'Интеграции', fa: 'یکپارچه‌سازی‌ها' },
  permissions: [
    {
      key: 'integrations.credentials.manage',
      label: {
        en: 'Connect the mail server, payment companies, suppliers, bank and 1C',
        ru: 'Подключение почты, платёжных компаний, поставщиков, банка и 1С',
        fa: 'اتصال ایمیل، شرکت‌های پرداخت، تأمین‌کنندگان، بانک و 1C',
      },
      scopes: ['own'],
      grantedAlongside: 'access.roles.manage',
    },
    {
      key: 'integrations.calls.view',
      label: {
        en: 'Read the log of calls to providers',
        ru: 'Просмотр журнала обращений к провайдерам',
        fa: 'مشاهده گزارش تماس با ارائه‌دهندگان',
      },
      scopes: ['own'],
    },
  ],
  routes: {
    'cabinet.integrations.calls': { permission: 'integrations.calls.view' },
    'cabinet.integrations.index': { permission: 'integrations.credentials.manage' },
    'cabinet.integrations.update': { permission: 'integrations.credentials.manage' },
    'cabinet.integrations.destroy': { permission: 'integrations.credentials.manage' },
    'cabinet.integrations.test': { permission: 'integrations.credentials.manage' },
    'cabinet.integrations.mappings': { permission: 'integrations.credentials.manage' },
    'cabinet.integrations.mail_fallback': { permission: 'integrations.credentials.manage' },
  },
  notifications: [
    {
      type: 'integrations.connection_failed',
      audience: 'staff',
      permission: 'integrations.credentials.manage',
      label: {
        en: 'A connection to a provider stopped working',
        ru: 'Подключение к внешней системе перестало работать',
        fa: 'اتصال به یک سامانه بیرونی از کار افتاد',
      },
      defaults: { inApp: true, email: true },
    },
  ],
  menu: [
    {
      route: 'cabinet.integrations.index',
      id: 'integrations',
      starts: [
        { in: 'agents', audience: 'staff', group: 'administration', order: 30 },
        { in: 'platform', audience: 'staff', order: 50 },
      ],
      audiences: ['staff'],
      label: { en: 'Integrations', ru: 'Интеграции', fa: 'یکپارچه‌سازی‌ها' },
      icon: 'link',
    },
    {
      route: 'cabinet.integrations.calls',
      id: 'provider-calls',
      starts: [
        { in: 'agents', audience: 'staff', group: 'administration', order: 40 },
        { in: 'platform', audience: 'staff', order: 60 },
      ],
      audiences: ['staff'],
      label: { en: 'Provider calls', ru: 'Обращения к провайдерам', fa: 'تماس با ارائه‌دهندگان' },
      icon: 'chart-column',
    },
  ],
  // The platform owner and an agent's administrator hold the same of this module.
  roleGrants: { owner: administration, admin: administration },
})
