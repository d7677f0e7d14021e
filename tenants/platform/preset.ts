import type { KindPresetDeclaration } from '../types.ts'

export default {
  kind: 'platform',
  label: { en: 'Platform', ru: 'Платформа', fa: 'پلتفرم' },
  modules: ['platform'],
  roles: ['owner', 'viewer'],
  branding: { name: 'Kabinet', primaryColor: '#334155', accentColor: '#0ea5e9', radius: '0.5rem' },
  defaults: { locale: 'en', timeZone: 'UTC', currency: 'USD', calendar: 'gregory' },
  dictionaries: {},
} satisfies KindPresetDeclaration
