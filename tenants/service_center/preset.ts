import type { TenantKindPreset } from '../types.ts'
import { agentMenus } from '../menus.ts'

export default {
  kind: 'service_center',
  label: { en: 'Service center', ru: 'Сервисный центр', fa: 'مرکز خدمات' },
  modules: ['service', 'billing', 'tickets'],
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
        'service.orders.manage',
        'service.orders.view',
        'billing.invoices.view',
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
      key: 'technician',
      name: { en: 'Technician', ru: 'Мастер', fa: 'تکنسین' },
      audience: 'staff',
      permissions: ['cabinet.home.view', 'service.orders.view'],
    },
    {
      key: 'customer',
      name: { en: 'Customer', ru: 'Клиент', fa: 'مشتری' },
      audience: 'client',
      permissions: ['portal.home.view', 'service.orders.view'],
    },
  ],
  branding: { primaryColor: '#4338ca', accentColor: '#22c55e', radius: '1rem', font: 'system-ui' },
  defaults: { locale: 'en', timeZone: 'Europe/London', currency: 'EUR', calendar: 'gregory' },
  dictionaries: {
    device_types: [
      { code: 'pos', label: { en: 'POS terminal', ru: 'POS-терминал', fa: 'پایانه فروش' } },
      {
        code: 'printer',
        label: { en: 'Receipt printer', ru: 'Чековый принтер', fa: 'چاپگر رسید' },
      },
    ],
  },
} satisfies TenantKindPreset
