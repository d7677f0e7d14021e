import { defineModule } from '#app/core/modules/manifest'

/* The client portal module. */
export default defineModule({
  key: 'portal',
  // cabinet: `/` is this module's route and renders the staff home too (app/cabinet/home.ts).
  borrowsTexts: ['clients', 'cabinet'],
  label: { en: 'Client portal', ru: 'Портал клиента', fa: 'پورتال مشتری' },
  permissions: [
    {
      key: 'portal.home.view',
      label: {
        en: 'Open the client portal',
        ru: 'Вход в портал клиента',
        fa: 'ورود به پورتال مشتری',
      },
      scopes: ['companies'],
    },
  ],
  home: { audience: 'client', render: () => import('#app/portal/home') },
  routes: {
    'portal.company.switch': { permission: 'portal.home.view' },
    'portal.profile': { permission: 'portal.home.view' },
    'portal.link_requests.store': {
      self: 'a client user asks to act for another company; staff decide',
    },
    'home': { anyOf: ['cabinet.home.view', 'portal.home.view', 'platform.tenants.view'] },
  },
  menu: [
    {
      route: 'home',
      id: 'home',
      starts: [
        { in: 'agents', audience: 'staff', order: 10 },
        { in: 'agents', audience: 'client', order: 10 },
      ],
      audiences: ['staff', 'client'],
      label: { en: 'Home', ru: 'Главная', fa: 'خانه' },
      icon: 'house',
    },
    {
      route: 'portal.profile',
      id: 'profile',
      starts: [{ in: 'agents', audience: 'client', order: 20 }],
      audiences: ['client'],
      label: { en: 'Profile', ru: 'Профиль', fa: 'نمایه' },
      icon: 'building-complex',
    },
  ],
  roleGrants: {
    client_admin: {
      permissions: ['portal.home.view'],
    },
    merchant: {
      permissions: ['portal.home.view'],
    },
    shipper: {
      permissions: ['portal.home.view'],
    },
    customer: {
      permissions: ['portal.home.view'],
    },
  },
})
