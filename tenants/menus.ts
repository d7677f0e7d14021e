/*
 * Starting menus, copied into `tenant_menus` when a tenant is provisioned (then the tenant's
 * own). A page item with no label shows its page's name in the reader's language.
 */
import type { MenuSet } from '#app/menus/menu_tree'

const page = (id: string, route: string) =>
  ({ id, kind: 'page', label: {}, icon: null, route }) as const

export const agentMenus: MenuSet = {
  staff: [
    page('home', 'home'),
    {
      id: 'clients',
      kind: 'group',
      label: { en: 'Clients', ru: 'Клиенты', fa: 'مشتریان' },
      icon: 'building',
      children: [
        page('clients-list', 'cabinet.clients.index'),
        page('requests', 'cabinet.requests.index'),
      ],
    },
    page('sub-agents', 'cabinet.subagents.index'),
    {
      id: 'administration',
      kind: 'group',
      label: { en: 'Administration', ru: 'Администрирование', fa: 'مدیریت' },
      icon: 'settings',
      children: [
        page('people', 'cabinet.people.index'),
        page('menus', 'cabinet.menus.index'),
        page('integrations', 'cabinet.integrations.index'),
        page('provider-calls', 'cabinet.integrations.calls'),
        page('audit', 'cabinet.audit.index'),
        page('mail-log', 'cabinet.mail_log'),
        page('notifications-sent', 'cabinet.notifications.history'),
        page('job-failures', 'cabinet.jobs.failures'),
        page('impersonate', 'cabinet.impersonate.index'),
      ],
    },
  ],
  client: [page('home', 'home'), page('profile', 'portal.profile')],
}

export const platformMenus: MenuSet = {
  staff: [
    page('tenants', 'console.index'),
    page('permissions', 'console.permissions'),
    page('people', 'cabinet.people.index'),
    page('menus', 'cabinet.menus.index'),
    page('integrations', 'cabinet.integrations.index'),
    page('provider-calls', 'cabinet.integrations.calls'),
    page('impersonate', 'cabinet.impersonate.index'),
    page('audit', 'cabinet.audit.index'),
    page('mail-log', 'cabinet.mail_log'),
    page('notifications-sent', 'cabinet.notifications.history'),
    page('job-failures', 'cabinet.jobs.failures'),
  ],
  client: [],
}
