import type { TenantKindPreset } from '../types.ts'
import { agentMenus } from '../menus.ts'

export default {
  kind: 'pos_agent',
  label: { en: 'POS-terminal agent', ru: 'Агент POS-терминалов', fa: 'نمایندگی پایانه فروش' },
  modules: ['pos', 'billing', 'tickets'],
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
        'pos.terminals.manage',
        'pos.merchants.manage',
        'pos.terminals.view',
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
      key: 'operator',
      name: { en: 'Operator', ru: 'Оператор', fa: 'اپراتور' },
      audience: 'staff',
      permissions: ['cabinet.home.view', 'pos.terminals.view'],
    },
    {
      key: 'merchant',
      name: { en: 'Merchant', ru: 'Торговец', fa: 'پذیرنده' },
      audience: 'client',
      permissions: ['portal.home.view', 'pos.terminals.view'],
    },
  ],
  branding: {
    primaryColor: '#0f766e',
    accentColor: '#f59e0b',
    radius: '0.5rem',
    font: 'Vazirmatn, Tahoma, system-ui',
    supportPhone: '+98 21 0000 0000',
  },
  defaults: { locale: 'fa', timeZone: 'Asia/Tehran', currency: 'IRR', calendar: 'persian' },
  dictionaries: {
    terminal_collection_reasons: [
      {
        code: 'low_turnover',
        label: { en: 'Low turnover', ru: 'Низкий оборот', fa: 'گردش پایین' },
      },
      {
        code: 'merchant_request',
        label: { en: 'Merchant request', ru: 'Просьба торговца', fa: 'درخواست پذیرنده' },
      },
      { code: 'fault', label: { en: 'Device fault', ru: 'Неисправность', fa: 'خرابی دستگاه' } },
    ],
  },
} satisfies TenantKindPreset
