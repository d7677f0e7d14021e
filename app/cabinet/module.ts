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
})
