import { defineModule } from '#app/core/modules/manifest'

/* The platform module. */
export default defineModule({
  key: 'platform',
  label: { en: 'Platform', ru: 'Платформа', fa: 'پلتفرم' },
  permissions: [
    {
      key: 'platform.tenants.view',
      label: { en: 'View tenants', ru: 'Просмотр арендаторов', fa: 'مشاهده مستأجران' },
      scopes: ['own'],
    },
    {
      key: 'platform.tenants.manage',
      label: {
        en: 'Create, enable and disable tenants',
        ru: 'Создание, включение и отключение арендаторов',
        fa: 'ایجاد، فعال‌سازی و غیرفعال‌سازی مستأجران',
      },
      scopes: ['own'],
    },
    {
      key: 'platform.brands.manage',
      label: { en: 'Edit brands', ru: 'Изменение брендов', fa: 'ویرایش برندها' },
      scopes: ['own'],
    },
    {
      key: 'platform.domains.manage',
      label: { en: 'Manage domains', ru: 'Управление доменами', fa: 'مدیریت دامنه‌ها' },
      scopes: ['own'],
    },
  ],
  routes: {
    'console.index': { permission: 'platform.tenants.view' },
    'console.permissions': { permission: 'platform.tenants.view' },
    'console.tenants.show': { permission: 'platform.tenants.view' },
    'console.tenants.store': { permission: 'platform.tenants.manage' },
    'console.tenants.status': { permission: 'platform.tenants.manage' },
    'console.tenants.modules': { permission: 'platform.tenants.manage' },
    'console.brand.update': { permission: 'platform.brands.manage' },
    'console.brand.asset': { permission: 'platform.tenants.view' },
    'console.brand.upload': { permission: 'platform.brands.manage' },
    'console.brand.remove': { permission: 'platform.brands.manage' },
    'console.domains.store': { permission: 'platform.domains.manage' },
    'console.domains.verify': { permission: 'platform.domains.manage' },
    'console.domains.primary': { permission: 'platform.domains.manage' },
    'console.domains.status': { permission: 'platform.domains.manage' },
  },
  uploads: {
    // One image of at most 512 KB (checked with a translated message); the body's cap leaves room.
    'console.brand.upload': { fields: ['file'], maxBytes: 1024 * 1024 },
  },
  menu: [
    {
      route: 'console.index',
      id: 'tenants',
      starts: [{ in: 'platform', audience: 'staff', order: 10 }],
      audiences: ['staff'],
      label: { en: 'Tenants', ru: 'Арендаторы', fa: 'مستأجرها' },
      icon: 'network',
      where: 'platform',
    },
    {
      route: 'console.permissions',
      id: 'permissions',
      starts: [{ in: 'platform', audience: 'staff', order: 20 }],
      audiences: ['staff'],
      label: { en: 'Permissions', ru: 'Права', fa: 'دسترسی‌ها' },
      icon: 'shield',
      where: 'platform',
    },
  ],
  roleTemplates: [
    {
      key: 'owner',
      name: { en: 'Platform owner', ru: 'Владелец платформы', fa: 'مالک پلتفرم' },
      audience: 'staff',
    },
    {
      key: 'viewer',
      name: { en: 'Console viewer', ru: 'Наблюдатель консоли', fa: 'ناظر کنسول' },
      audience: 'staff',
    },
  ],
  roleGrants: {
    owner: {
      permissions: [
        'platform.tenants.view',
        'platform.tenants.manage',
        'platform.brands.manage',
        'platform.domains.manage',
      ],
    },
    viewer: {
      permissions: ['platform.tenants.view'],
    },
  },
})
