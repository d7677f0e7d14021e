import type { TenantKindPreset } from '../types.ts'
import { agentMenus } from '../menus.ts'

export default {
  kind: 'fuel_reseller',
  label: { en: 'Fuel-card reseller', ru: 'Реселлер топливных карт', fa: 'فروشنده کارت سوخت' },
  modules: ['billing', 'fuel', 'documents', 'tickets'],
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
        'fuel.cards.manage',
        'billing.invoices.issue',
        'fuel.cards.view',
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
      key: 'operator',
      name: { en: 'Operator', ru: 'Оператор', fa: 'اپراتور' },
      audience: 'staff',
      permissions: ['cabinet.home.view', 'fuel.cards.view'],
    },
    {
      key: 'client_admin',
      name: { en: 'Client administrator', ru: 'Администратор клиента', fa: 'مدیر مشتری' },
      audience: 'client',
      permissions: ['portal.home.view', 'fuel.cards.view', 'billing.invoices.view'],
    },
  ],
  branding: {
    primaryColor: '#c2410c',
    accentColor: '#facc15',
    radius: '0.75rem',
    font: 'system-ui',
    supportPhone: '+7 800 000-00-00',
  },
  defaults: { locale: 'ru', timeZone: 'Europe/Moscow', currency: 'RUB', calendar: 'gregory' },
  dictionaries: {
    fuel_types: [
      { code: 'ai92', label: { en: 'Petrol AI-92', ru: 'Бензин АИ-92', fa: 'بنزین ۹۲' } },
      { code: 'ai95', label: { en: 'Petrol AI-95', ru: 'Бензин АИ-95', fa: 'بنزین ۹۵' } },
      { code: 'dt', label: { en: 'Diesel', ru: 'Дизельное топливо', fa: 'گازوئیل' } },
    ],
  },
} satisfies TenantKindPreset
