import type { KindPresetDeclaration } from '../types.ts'

export default {
  kind: 'logistics',
  label: { en: 'Logistics operator', ru: 'Логистический оператор', fa: 'اپراتور لجستیک' },
  modules: ['logistics', 'billing', 'documents', 'tickets'],
  roles: ['admin', 'manager', 'shipper'],
  branding: {
    primaryColor: '#1d4ed8',
    accentColor: '#e11d48',
    radius: '0.25rem',
    font: 'system-ui',
  },
  defaults: { locale: 'ru', timeZone: 'Asia/Yekaterinburg', currency: 'RUB', calendar: 'gregory' },
  dictionaries: {
    wagon_types: [
      { code: 'boxcar', label: { en: 'Boxcar', ru: 'Крытый вагон', fa: 'واگن سرپوشیده' } },
      { code: 'tank', label: { en: 'Tank car', ru: 'Цистерна', fa: 'واگن مخزن' } },
    ],
  },
} satisfies KindPresetDeclaration
