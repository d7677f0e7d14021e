import type { KindPresetDeclaration } from '../types.ts'

export default {
  kind: 'fuel_reseller',
  label: { en: 'Fuel-card reseller', ru: 'Реселлер топливных карт', fa: 'فروشنده کارت سوخت' },
  modules: ['billing', 'fuel', 'documents', 'tickets'],
  roles: ['admin', 'operator', 'client_admin'],
  branding: {
    primaryColor: '#c2410c',
    accentColor: '#facc15',
    radius: '0.75rem',
    font: 'system-ui',
    supportPhone: '+7 800 000-00-00',
  },
  defaults: { locale: 'ru', timeZone: 'Europe/Moscow', currency: 'RUB', calendar: 'gregory' },
  dictionaries: {
    fuel_types: [
      { code: 'ai92', label: { en: 'Petrol AI-92', ru: 'Бензин АИ-92', fa: 'بنزین ۹۲' } },
      { code: 'ai95', label: { en: 'Petrol AI-95', ru: 'Бензин АИ-95', fa: 'بنزین ۹۵' } },
      { code: 'dt', label: { en: 'Diesel', ru: 'Дизельное топливо', fa: 'گازوئیل' } },
    ],
  },
} satisfies KindPresetDeclaration
