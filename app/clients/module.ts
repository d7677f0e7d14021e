import { defineModule } from '#app/core/modules/manifest'

/* Clients: the companies and people a tenant serves. */
export default defineModule({
  key: 'clients',
  borrowsTexts: ['invitation'],
  label: { en: 'Clients', ru: 'Клиенты', fa: 'مشتریان' },
  permissions: [
    {
      key: 'clients.companies.view',
      label: { en: 'View clients', ru: 'Просмотр клиентов', fa: 'مشاهده مشتریان' },
      scopes: ['own', 'subtree'],
    },
    {
      key: 'clients.companies.manage',
      label: { en: 'Add and edit clients', ru: 'Добавление клиентов', fa: 'افزودن مشتری' },
      scopes: ['own', 'subtree'],
    },
    {
      key: 'clients.members.manage',
      label: {
        en: 'Link people to clients',
        ru: 'Привязка пользователей к клиентам',
        fa: 'اتصال کاربران به مشتریان',
      },
      scopes: ['own', 'subtree'],
    },
  ],
  routes: {
    'cabinet.clients.index': { permission: 'clients.companies.view' },
    'cabinet.clients.store': { permission: 'clients.companies.manage' },
    'cabinet.clients.show': { permission: 'clients.companies.view' },
    'cabinet.clients.members.store': { permission: 'clients.members.manage' },
    'cabinet.clients.members.destroy': { permission: 'clients.members.manage' },
    'cabinet.link_requests.index': { permission: 'clients.members.manage' },
    'cabinet.link_requests.approve': { permission: 'clients.members.manage' },
    'cabinet.link_requests.reject': { permission: 'clients.members.manage' },
  },
  notifications: [
    {
      type: 'clients.link_requested',
      audience: 'staff',
      permission: 'clients.members.manage',
      label: {
        en: 'Someone asks for access to a company',
        ru: 'Новая заявка на доступ к компании',
        fa: 'درخواست تازه برای دسترسی به یک شرکت',
      },
      defaults: { inApp: true, email: false },
    },
    {
      type: 'clients.link_approved',
      audience: 'client',
      label: {
        en: 'My access request was approved',
        ru: 'Моя заявка на доступ одобрена',
        fa: 'درخواست دسترسی من پذیرفته شد',
      },
      defaults: { inApp: true, email: true },
    },
    {
      type: 'clients.link_rejected',
      audience: 'client',
      label: {
        en: 'My access request was not approved',
        ru: 'Моя заявка на доступ отклонена',
        fa: 'درخواست دسترسی من پذیرفته نشد',
      },
      defaults: { inApp: true, email: true },
    },
  ],
  menu: [
    {
      route: 'cabinet.clients.index',
      id: 'clients-list',
      starts: [{ in: 'agents', audience: 'staff', group: 'clients', order: 10 }],
      audiences: ['staff'],
      label: { en: 'Clients', ru: 'Клиенты', fa: 'مشتریان' },
      icon: 'building-complex',
      where: 'agents',
    },
    {
      route: 'cabinet.link_requests.index',
      id: 'link-requests',
      starts: [{ in: 'agents', audience: 'staff', group: 'clients', order: 20 }],
      audiences: ['staff'],
      label: { en: 'Access requests', ru: 'Заявки на доступ', fa: 'درخواست‌های دسترسی' },
      icon: 'inbox',
      where: 'agents',
    },
  ],
  roleGrants: {
    admin: {
      permissions: ['clients.companies.view', 'clients.companies.manage', 'clients.members.manage'],
      scopes: {
        'clients.companies.view': 'subtree',
      },
    },
  },
  menuGroups: [
    {
      id: 'clients',
      label: { en: 'Clients', ru: 'Клиенты', fa: 'مشتریان' },
      icon: 'building-complex',
      starts: [{ in: 'agents', audience: 'staff', order: 20 }],
    },
  ],
})
