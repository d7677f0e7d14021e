import { defineModule } from '#app/core/modules/manifest'

/*
 * The tickets module: declared ahead of its screens, so that kind presets, roles and
 * permission packages can name its permissions.
 */
export default defineModule({
  key: 'tickets',
  toggleable: true,
  label: { en: 'Support tickets', ru: 'Обращения', fa: 'تیکت‌های پشتیبانی' },
  permissions: [
    {
      key: 'tickets.tickets.create',
      label: { en: 'Open tickets', ru: 'Создание обращений', fa: 'ثبت تیکت' },
      scopes: ['companies'],
    },
    {
      key: 'tickets.tickets.manage',
      label: { en: 'Answer tickets', ru: 'Ответы на обращения', fa: 'پاسخ به تیکت‌ها' },
      scopes: ['own', 'subtree'],
    },
  ],
  routes: {
    'test.tickets_probe': { permission: 'tickets.tickets.manage' },
  },
  menu: [
    // The test-only probe until tickets get their screens (offered only where the route exists).
    {
      route: 'test.tickets_probe',
      audiences: ['staff'],
      label: { en: 'Tickets', ru: 'Обращения', fa: 'تیکت‌ها' },
      icon: 'ticket',
      where: 'agents',
    },
  ],
  roleGrants: {
    admin: {
      permissions: ['tickets.tickets.manage'],
    },
  },
})
