import { defineConfig, formatters, loaders } from '@adonisjs/i18n'
import { textFolders } from '#app/core/i18n/texts'

const i18nConfig = defineConfig({
  defaultLocale: 'en',
  supportedLocales: ['en', 'ru', 'fa'],
  formatter: formatters.icu(),
  // The shared texts (resources/lang) and every module's own (app/<module>/lang).
  loaders: textFolders().map((location) => loaders.fs({ location })),
})

export default i18nConfig
