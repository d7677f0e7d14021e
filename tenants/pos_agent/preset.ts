import type { KindPresetDeclaration } from '../types.ts'

export default {
  kind: 'pos_agent',
  label: { en: 'POS-terminal agent', ru: 'Агент POS-терминалов', fa: 'نمایندگی پایانه فروش' },
  modules: ['pos', 'billing', 'tickets'],
  roles: ['admin', 'operator', 'merchant'],
  branding: {
    primaryColor: '#0f766e',
    accentColor: '#f59e0b',
    radius: '0.5rem',
    font: 'Vazirmatn, Tahoma, system-ui',
    supportPhone: '+98 21 0000 0000',
  },
  defaults: { locale: 'fa', timeZone: 'Asia/Tehran', currency: 'IRR', calendar: 'persian' },
  dictionaries: {
    terminal_collection_reasons: [
      {
        code: 'low_turnover',
        label: { en: 'Low turnover', ru: 'Низкий оборот', fa: 'گردش پایین' },
      },
      {
        code: 'merchant_request',
        label: { en: 'Merchant request', ru: 'Просьба торговца', fa: 'درخواست پذیرنده' },
      },
      { code: 'fault', label: { en: 'Device fault', ru: 'Неисправность', fa: 'خرابی دستگاه' } },
    ],
  },
} satisfies KindPresetDeclaration
