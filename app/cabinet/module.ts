import { defineModule } from '#app/core/modules/manifest'

/* The staff cabinet module. */
export default defineModule({
  key: 'cabinet',
  label: { en: 'Staff cabinet', ru: 'Кабинет сотрудника', fa: 'پنل کارکنان' },
  permissions: [
    {
      key: 'cabinet.home.view',
      label: {
        en: 'Open the staff cabinet',
        ru: 'Вход в кабинет сотрудника',
        fa: 'ورود به پنل کارکنان',
      },
      scopes: ['own'],
    },
  ],
  home: { audience: 'staff', render: () => import('#app/cabinet/home') },
  roleTemplates: [
    {
      key: 'operator',
      name: { en: 'Operator', ru: 'Оператор', fa: 'اپراتور' },
      audience: 'staff',
    },
  ],
  roleGrants: {
    admin: {
      permissions: ['cabinet.home.view'],
    },
    operator: {
      permissions: ['cabinet.home.view'],
    },
    manager: {
      permissions: ['cabinet.home.view'],
    },
    technician: {
      permissions: ['cabinet.home.view'],
    },
  },
})
