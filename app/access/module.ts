import { defineModule, type RoleGrant } from '#app/core/modules/manifest'

/* Access: roles, permission packages and the people who hold them. */
const administration: RoleGrant = {
  permissions: [
    'access.roles.manage',
    'access.users.manage',
    'access.users.impersonate',
    'access.packages.manage',
    'access.subagents.manage',
    'access.audit.view',
  ],
  scopes: {
    'access.users.manage': 'subtree',
    'access.users.impersonate': 'subtree',
    'access.audit.view': 'subtree',
  },
}

export default defineModule({
  key: 'access',
  borrowsTexts: ['modules', 'invitation', 'security', 'two_factor'],
  label: { en: 'Access', ru: 'Доступ', fa: 'دسترسی' },
  permissions: [
    {
      key: 'access.roles.manage',
      label: {
        en: 'Create and edit roles',
        ru: 'Создание и изменение ролей',
        fa: 'ایجاد و ویرایش نقش‌ها',
      },
      scopes: ['own', 'subtree'],
    },
    {
      key: 'access.users.manage',
      label: { en: 'Assign roles to people', ru: 'Назначение ролей', fa: 'تخصیص نقش به افراد' },
      scopes: ['own', 'subtree'],
    },
    {
      key: 'access.subagents.manage',
      label: {
        en: 'Create and list sub-agents',
        ru: 'Создание субагентов',
        fa: 'ایجاد زیرنماینده',
      },
      scopes: ['subtree'],
    },
    {
      key: 'access.audit.view',
      label: { en: 'Read the audit log', ru: 'Просмотр журнала аудита', fa: 'مشاهده گزارش ممیزی' },
      scopes: ['own', 'subtree'],
    },
    {
      key: 'access.users.impersonate',
      label: {
        en: 'Act as a person of this business or a sub-agent (lower rank only)',
        ru: 'Вход от имени пользователя (только младшего по рангу)',
        fa: 'ورود به جای کاربر (فقط رده پایین‌تر)',
      },
      scopes: ['own', 'subtree'],
      grantedAlongside: 'access.users.manage',
    },
    {
      key: 'access.packages.manage',
      label: {
        en: 'Define permission packages for sub-agents',
        ru: 'Пакеты прав для субагентов',
        fa: 'بسته‌های دسترسی زیرنمایندگان',
      },
      scopes: ['own'],
    },
  ],
  routes: {
    'cabinet.subagents.index': { permission: 'access.subagents.manage' },
    'cabinet.subagents.store': { permission: 'access.subagents.manage' },
    'cabinet.packages.store': { permission: 'access.packages.manage' },
    'cabinet.packages.update': { permission: 'access.packages.manage' },
    'cabinet.people.index': { permission: 'access.users.manage' },
    'cabinet.people.assign': { permission: 'access.users.manage' },
    'cabinet.people.status': { permission: 'access.users.manage' },
    'cabinet.security.update': { permission: 'access.users.manage' },
    'cabinet.subagents.modules': { permission: 'access.subagents.manage' },
    'cabinet.impersonate.index': { permission: 'access.users.impersonate' },
    'cabinet.impersonations.store': { permission: 'access.users.impersonate' },
    'cabinet.invitations.store': { anyOf: ['access.users.manage', 'clients.members.manage'] },
    'cabinet.invitations.destroy': { permission: 'access.users.manage' },
    'cabinet.roles.store': { permission: 'access.roles.manage' },
    'cabinet.audit.index': { permission: 'access.audit.view' },
  },
  menu: [
    {
      route: 'cabinet.people.index',
      id: 'people',
      starts: [
        { in: 'agents', audience: 'staff', group: 'administration', order: 10 },
        { in: 'platform', audience: 'staff', order: 30 },
      ],
      audiences: ['staff'],
      label: { en: 'People', ru: 'Люди', fa: 'افراد' },
      icon: 'users',
    },
    {
      route: 'cabinet.subagents.index',
      id: 'sub-agents',
      starts: [{ in: 'agents', audience: 'staff', order: 30 }],
      audiences: ['staff'],
      label: { en: 'Sub-agents', ru: 'Субагенты', fa: 'زیرنمایندگان' },
      icon: 'network',
      where: 'agents',
    },
    {
      route: 'cabinet.audit.index',
      id: 'audit',
      starts: [
        { in: 'agents', audience: 'staff', group: 'administration', order: 50 },
        { in: 'platform', audience: 'staff', order: 80 },
      ],
      audiences: ['staff'],
      label: { en: 'Audit log', ru: 'Журнал аудита', fa: 'گزارش ممیزی' },
      icon: 'shield',
    },
    {
      route: 'cabinet.impersonate.index',
      id: 'impersonate',
      starts: [
        { in: 'agents', audience: 'staff', group: 'administration', order: 90 },
        { in: 'platform', audience: 'staff', order: 70 },
      ],
      audiences: ['staff'],
      label: { en: 'Act as someone', ru: 'Вход от имени пользователя', fa: 'ورود به جای کاربر' },
      icon: 'users',
    },
  ],
  roleTemplates: [
    {
      key: 'admin',
      name: { en: 'Administrator', ru: 'Администратор', fa: 'مدیر' },
      audience: 'staff',
    },
  ],
  // The platform owner and an agent's administrator hold the same of this module.
  roleGrants: { owner: administration, admin: administration },
})
