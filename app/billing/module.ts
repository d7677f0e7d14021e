import { defineModule } from '#app/core/modules/manifest'

/*
 * The billing module: declared ahead of its screens, so that kind presets, roles and
 * permission packages can name its permissions.
 */
export default defineModule({
  key: 'billing',
  toggleable: true,
  label: { en: 'Billing', ru: 'Счета', fa: 'صورتحساب' },
  permissions: [
    {
      key: 'billing.invoices.view',
      label: { en: 'View invoices', ru: 'Просмотр счетов', fa: 'مشاهده صورتحساب‌ها' },
      scopes: ['own', 'subtree', 'companies'],
    },
    {
      key: 'billing.invoices.issue',
      label: { en: 'Issue invoices', ru: 'Выставление счетов', fa: 'صدور صورتحساب' },
      scopes: ['own', 'subtree'],
    },
  ],
  roleGrants: {
    admin: [
      {
        permissions: ['billing.invoices.issue'],
        kinds: ['fuel_reseller'],
      },
      {
        permissions: ['billing.invoices.view'],
      },
    ],
    client_admin: {
      permissions: ['billing.invoices.view'],
    },
  },
})
