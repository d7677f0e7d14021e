import { useI18n } from '~/composables/use_i18n'

/* The client portal's navigation (data-driven menus arrive with the modules issue). */
export function usePortalNav() {
  const { t } = useI18n()
  return [
    { href: '/', label: t('portal.home') },
    { href: '/portal/profile', label: t('portal.profile_title') },
  ]
}
