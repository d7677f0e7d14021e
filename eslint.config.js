import { configApp } from '@adonisjs/eslint-config'
import { vue } from '@adonisjs/eslint-config/vue'

export default configApp(...vue, {
  name: 'Kabinet ignores',
  ignores: ['tmp/**', 'storage/**', 'public/assets/**', 'build/**', 'database/schema.ts', 'coverage/**'],
})
