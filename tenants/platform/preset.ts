import type { TenantKindPreset } from '../types.ts'
import { platformMenus } from '../menus.ts'

export default {
  kind: 'platform',
  label: { en: 'Platform', ru: 'Платформа', fa: 'پلتفرم' },
  modules: ['platform'],
  menus: platformMenus,
  roles: [
    {
      key: 'owner',
      name: { en: 'Platform owner', ru: 'Владелец платформы', fa: 'مالک پلتفرم' },
      audience: 'staff',
      permissions: [
        'platform.tenants.view',
        'platform.tenants.manage',
        'platform.brands.manage',
        'platform.domains.manage',
        'access.roles.manage',
        'menus.menus.manage',
        'integrations.credentials.manage',
        'integrations.calls.view',
        'access.users.manage',
        'access.users.impersonate',
        'access.packages.manage',
        'access.subagents.manage',
        'access.audit.view',
        'jobs.failures.manage',
        'mail.log.view',
        'notifications.history.view',
      ],
      scopes: {
        'access.users.manage': 'subtree',
        'access.users.impersonate': 'subtree',
        'access.audit.view': 'subtree',
      },
    },
    {
      key: 'viewer',
      name: { en: 'Console viewer', ru: 'Наблюдатель консоли', fa: 'ناظر کنسول' },
      audience: 'staff',
      permissions: ['platform.tenants.view'],
    },
  ],
  branding: { name: 'Kabinet', primaryColor: '#334155', accentColor: '#0ea5e9', radius: '0.5rem' },
  defaults: { locale: 'en', timeZone: 'UTC', currency: 'USD', calendar: 'gregory' },
  dictionaries: {},
} satisfies TenantKindPreset
