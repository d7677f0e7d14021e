import { defineModule } from '#app/core/modules/manifest'

/* Menus: what each audience of a tenant sees in its navigation, as data (issue #4 §2). */
export default defineModule({
  key: 'menus',
  label: { en: 'Menus', ru: 'Меню', fa: 'منوها' },
  permissions: [
    {
      key: 'menus.menus.manage',
      label: {
        en: 'Build the menus of the cabinet and the portal',
        ru: 'Настройка меню кабинета и портала',
        fa: 'ساخت منوهای پنل و پورتال',
      },
      scopes: ['own'],
    },
  ],
  routes: {
    'cabinet.menus.index': { permission: 'menus.menus.manage' },
    'cabinet.menus.update': { permission: 'menus.menus.manage' },
    'cabinet.menus.review': { permission: 'menus.menus.manage' },
    'cabinet.menus.push': { permission: 'menus.menus.manage' },
  },
  menu: [
    {
      route: 'cabinet.menus.index',
      audiences: ['staff'],
      label: { en: 'Menus', ru: 'Меню', fa: 'منوها' },
      icon: 'menu',
    },
  ],
})
