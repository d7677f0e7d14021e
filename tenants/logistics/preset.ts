import type { TenantKindPreset } from '../types.ts'
import { agentMenus } from '../menus.ts'

export default {
  kind: 'logistics',
  label: { en: 'Logistics operator', ru: 'Логистический оператор', fa: 'اپراتور لجستیک' },
  modules: ['logistics', 'billing', 'documents', 'tickets'],
  menus: agentMenus,
  roles: [
    {
      key: 'admin',
      name: { en: 'Administrator', ru: 'Администратор', fa: 'مدیر' },
      audience: 'staff',
      permissions: [
        'access.roles.manage',
        'menus.menus.manage',
        'integrations.credentials.manage',
        'integrations.calls.view',
        'access.users.manage',
        'access.users.impersonate',
        'access.packages.manage',
        'access.subagents.manage',
        'access.audit.view',
        'jobs.failures.manage',
        'mail.log.view',
        'notifications.history.view',
        'clients.companies.view',
        'clients.companies.manage',
        'clients.members.manage',
        'cabinet.home.view',
        'logistics.requests.manage',
        'logistics.requests.view',
        'billing.invoices.view',
        'documents.files.view',
        'documents.files.manage',
        'tickets.tickets.manage',
      ],
      scopes: {
        'access.users.manage': 'subtree',
        'access.users.impersonate': 'subtree',
        'access.audit.view': 'subtree',
        'clients.companies.view': 'subtree',
      },
    },
    {
      key: 'manager',
      name: { en: 'Account manager', ru: 'Менеджер', fa: 'مدیر حساب' },
      audience: 'staff',
      permissions: ['cabinet.home.view', 'logistics.requests.view'],
    },
    {
      key: 'shipper',
      name: { en: 'Shipper', ru: 'Грузоотправитель', fa: 'فرستنده' },
      audience: 'client',
      permissions: ['portal.home.view', 'logistics.requests.create'],
    },
  ],
  branding: {
    primaryColor: '#1d4ed8',
    accentColor: '#e11d48',
    radius: '0.25rem',
    font: 'system-ui',
  },
  defaults: { locale: 'ru', timeZone: 'Asia/Yekaterinburg', currency: 'RUB', calendar: 'gregory' },
  dictionaries: {
    wagon_types: [
      { code: 'boxcar', label: { en: 'Boxcar', ru: 'Крытый вагон', fa: 'واگن سرپوشیده' } },
      { code: 'tank', label: { en: 'Tank car', ru: 'Цистерна', fa: 'واگن مخزن' } },
    ],
  },
} satisfies TenantKindPreset
