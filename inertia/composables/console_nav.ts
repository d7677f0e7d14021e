import { useI18n } from '~/composables/use_i18n'

/* The platform console's navigation; the cabinet screens the platform's staff use too. */
export function useConsoleNav() {
  const { t } = useI18n()
  return [
    { href: '/console', label: t('console.tenants') },
    { href: '/console/permissions', label: t('console.permissions') },
    { href: '/cabinet/people', label: t('access.people') },
    { href: '/cabinet/impersonate', label: t('impersonate.title') },
    { href: '/cabinet/audit', label: t('audit.title') },
  ]
}
