import { defineModule } from '#app/core/modules/manifest'

/* The language switch: visitors keep the choice in a cookie, users on their account. */
export default defineModule({
  key: 'locale',
  label: { en: 'Language', ru: 'Язык', fa: 'زبان' },
  permissions: [],
  routes: {
    'locale.switch': { public: 'anyone may choose the language' },
  },
})
