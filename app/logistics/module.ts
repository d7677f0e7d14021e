import { defineModule } from '#app/core/modules/manifest'

/*
 * The logistics requests module: declared ahead of its screens, so that kind presets, roles and
 * permission packages can name its permissions.
 */
export default defineModule({
  key: 'logistics',
  toggleable: true,
  label: { en: 'Logistics requests', ru: 'Заявки на перевозку', fa: 'درخواست‌های حمل' },
  permissions: [
    {
      key: 'logistics.requests.view',
      label: { en: 'View requests', ru: 'Просмотр заявок', fa: 'مشاهده درخواست‌ها' },
      scopes: ['own', 'subtree', 'companies'],
    },
    {
      key: 'logistics.requests.create',
      label: { en: 'Create requests', ru: 'Создание заявок', fa: 'ایجاد درخواست' },
      scopes: ['companies'],
    },
    {
      key: 'logistics.requests.manage',
      label: { en: 'Manage requests', ru: 'Обработка заявок', fa: 'مدیریت درخواست‌ها' },
      scopes: ['own', 'subtree'],
    },
  ],
  roleTemplates: [
    {
      key: 'manager',
      name: { en: 'Account manager', ru: 'Менеджер', fa: 'مدیر حساب' },
      audience: 'staff',
    },
    {
      key: 'shipper',
      name: { en: 'Shipper', ru: 'Грузоотправитель', fa: 'فرستنده' },
      audience: 'client',
    },
  ],
  roleGrants: {
    admin: {
      permissions: ['logistics.requests.manage', 'logistics.requests.view'],
    },
    manager: {
      permissions: ['logistics.requests.view'],
    },
    shipper: {
      permissions: ['logistics.requests.create'],
    },
  },
})
