import { defineModule } from '#app/core/modules/manifest'

/*
 * The service orders module: declared ahead of its screens, so that kind presets, roles and
 * permission packages can name its permissions.
 */
export default defineModule({
  key: 'service',
  toggleable: true,
  label: { en: 'Service orders', ru: 'Заказы на обслуживание', fa: 'سفارش‌های خدمات' },
  permissions: [
    {
      key: 'service.orders.view',
      label: { en: 'View service orders', ru: 'Просмотр заказов', fa: 'مشاهده سفارش‌ها' },
      scopes: ['own', 'subtree', 'companies'],
    },
    {
      key: 'service.orders.manage',
      label: { en: 'Manage service orders', ru: 'Управление заказами', fa: 'مدیریت سفارش‌ها' },
      scopes: ['own', 'subtree'],
    },
  ],
  roleTemplates: [
    {
      key: 'technician',
      name: { en: 'Technician', ru: 'Мастер', fa: 'تکنسین' },
      audience: 'staff',
    },
    {
      key: 'customer',
      name: { en: 'Customer', ru: 'Клиент', fa: 'مشتری' },
      audience: 'client',
    },
  ],
  roleGrants: {
    admin: {
      permissions: ['service.orders.manage', 'service.orders.view'],
    },
    technician: {
      permissions: ['service.orders.view'],
    },
    customer: {
      permissions: ['service.orders.view'],
    },
  },
})
