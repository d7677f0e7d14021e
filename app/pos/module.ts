import { defineModule } from '#app/core/modules/manifest'

/*
 * The pos terminals module: declared ahead of its screens, so that kind presets, roles and
 * permission packages can name its permissions.
 */
export default defineModule({
  key: 'pos',
  toggleable: true,
  label: { en: 'POS terminals', ru: 'POS-терминалы', fa: 'پایانه‌های فروش' },
  permissions: [
    {
      key: 'pos.terminals.view',
      label: { en: 'View terminals', ru: 'Просмотр терминалов', fa: 'مشاهده پایانه‌ها' },
      scopes: ['own', 'subtree', 'companies'],
    },
    {
      key: 'pos.terminals.manage',
      label: { en: 'Manage terminals', ru: 'Управление терминалами', fa: 'مدیریت پایانه‌ها' },
      scopes: ['own', 'subtree'],
    },
    {
      key: 'pos.merchants.manage',
      label: { en: 'Manage merchants', ru: 'Управление торговцами', fa: 'مدیریت پذیرندگان' },
      scopes: ['own', 'subtree'],
    },
  ],
  roleTemplates: [
    {
      key: 'merchant',
      name: { en: 'Merchant', ru: 'Торговец', fa: 'پذیرنده' },
      audience: 'client',
    },
  ],
  roleGrants: {
    admin: {
      permissions: ['pos.terminals.manage', 'pos.merchants.manage', 'pos.terminals.view'],
    },
    operator: {
      permissions: ['pos.terminals.view'],
    },
    merchant: {
      permissions: ['pos.terminals.view'],
    },
  },
})
