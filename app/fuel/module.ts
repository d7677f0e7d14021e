import { defineModule } from '#app/core/modules/manifest'

/*
 * The fuel cards module: declared ahead of its screens, so that kind presets, roles and
 * permission packages can name its permissions.
 */
export default defineModule({
  key: 'fuel',
  toggleable: true,
  label: { en: 'Fuel cards', ru: 'Топливные карты', fa: 'کارت‌های سوخت' },
  dependsOn: ['billing'],
  permissions: [
    {
      key: 'fuel.cards.view',
      label: { en: 'View fuel cards', ru: 'Просмотр топливных карт', fa: 'مشاهده کارت‌های سوخت' },
      scopes: ['own', 'subtree', 'companies'],
    },
    {
      key: 'fuel.cards.manage',
      label: {
        en: 'Manage fuel cards',
        ru: 'Управление топливными картами',
        fa: 'مدیریت کارت‌های سوخت',
      },
      scopes: ['own', 'subtree'],
    },
  ],
  roleTemplates: [
    {
      key: 'client_admin',
      name: { en: 'Client administrator', ru: 'Администратор клиента', fa: 'مدیر مشتری' },
      audience: 'client',
    },
  ],
  roleGrants: {
    admin: {
      permissions: ['fuel.cards.manage', 'fuel.cards.view'],
    },
    operator: {
      permissions: ['fuel.cards.view'],
    },
    client_admin: {
      permissions: ['fuel.cards.view'],
    },
  },
})
