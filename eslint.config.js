import { configApp } from '@adonisjs/eslint-config'
import { vue } from '@adonisjs/eslint-config/vue'

export default configApp(
  ...vue,
  // Global ignores: an object with nothing but `ignores`.
  {
    ignores: [
      'tmp/**',
      'storage/**',
      'public/assets/**',
      'build/**',
      'database/schema.ts',
      'coverage/**',
    ],
  },
  {
    name: 'Kabinet',
    rules: {
      // `(await import('#start/env')).default` and `(await query).rows` read better than a
      // throw-away variable; the rule buys nothing here.
      '@unicorn/no-await-expression-member': 'off',
      // The typed <Link> needs a generated route registry; our links are tenant-relative
      // paths shared by every tenant, so Inertia's own <Link> is what we want.
      '@adonisjs/prefer-adonisjs-inertia-link': 'off',
    },
  }
)
