import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const LocaleController = () => import('#app/locale/controllers/locale_controller')

/* Anyone may switch the language; a signed-in user's choice is saved on the user. */
router.post('/locale', [LocaleController]).as('locale.switch').use(middleware.tenantDb())
