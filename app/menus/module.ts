import { defineModule, type RoleGrant } from '#app/core/modules/manifest'

/* Menus: what each audience of a tenant sees in its navigation, as data (issue #4 §2). */
const administration: RoleGrant = {
  permissions: ['menus.menus.manage'],
}

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
    'cabinet.menus.icons': { permission: 'menus.menus.manage' },
    'cabinet.menus.update': { permission: 'menus.menus.manage' },
    'cabinet.menus.review': { permission: 'menus.menus.manage' },
    'cabinet.menus.push': { permission: 'menus.menus.manage' },
  },
  menu: [
    {
      route: 'cabinet.menus.index',
      id: 'menus',
      starts: [
        { in: 'agents', audience: 'staff', group: 'administration', order: 20 },
        { in: 'platform', audience: 'staff', order: 40 },
      ],
      audiences: ['staff'],
      label: { en: 'Menus', ru: 'Меню', fa: 'منوها' },
      icon: 'menu',
    },
  ],
  // The platform owner and an agent's administrator hold the same of this module.
  roleGrants: { owner: administration, admin: administration },
  menuGroups: [
    {
      id: 'administration',
      label: { en: 'Administration', ru: 'Администрирование', fa: 'مدیریت' },
      icon: 'settings',
      starts: [{ in: 'agents', audience: 'staff', order: 40 }],
    },
  ],
})
