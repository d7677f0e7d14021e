import type { KindPresetDeclaration } from '../types.ts'

export default {
  kind: 'service_center',
  label: { en: 'Service center', ru: 'Сервисный центр', fa: 'مرکز خدمات' },
  modules: ['service', 'billing', 'tickets'],
  roles: ['admin', 'technician', 'customer'],
  branding: { primaryColor: '#4338ca', accentColor: '#22c55e', radius: '1rem', font: 'system-ui' },
  defaults: { locale: 'en', timeZone: 'Europe/London', currency: 'EUR', calendar: 'gregory' },
  dictionaries: {
    device_types: [
      { code: 'pos', label: { en: 'POS terminal', ru: 'POS-терминал', fa: 'پایانه فروش' } },
      {
        code: 'printer',
        label: { en: 'Receipt printer', ru: 'Чековый принтер', fa: 'چاپگر رسید' },
      },
    ],
  },
} satisfies KindPresetDeclaration
