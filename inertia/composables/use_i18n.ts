import { computed } from 'vue'
import { usePage } from '@inertiajs/vue3'
import type { SharedProps } from '~/types'

/*
 * Translations and formatting for pages. Messages come from the server (resources/lang),
 * dates are shown in the tenant's time zone and calendar (Persian calendar for fa).
 */
export function useI18n() {
  const page = usePage<SharedProps>()
  const i18n = computed(() => page.props.i18n)

  function t(key: string, params: Record<string, string | number> = {}) {
    const message = i18n.value.messages[key] ?? key
    return message.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`))
  }

  function intlLocale() {
    const locale = i18n.value.locale
    const calendar =
      locale === 'fa' || page.props.tenant.calendar === 'persian' ? 'persian' : 'gregory'
    const base = locale === 'fa' ? 'fa-IR' : locale === 'ru' ? 'ru-RU' : 'en-GB'
    return `${base}-u-ca-${calendar}`
  }

  function formatDateTime(iso: string | null) {
    if (!iso) return '—'
    return new Intl.DateTimeFormat(intlLocale(), {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: page.props.tenant.timeZone,
    }).format(new Date(iso))
  }

  return {
    t,
    formatDateTime,
    locale: computed(() => i18n.value.locale),
    dir: computed(() => i18n.value.dir),
  }
}
