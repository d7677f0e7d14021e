import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const Menus = () => import('#app/menus/controllers/menus_controller')
const MenuReview = () => import('#app/menus/controllers/menu_review_controller')
const MenuPush = () => import('#app/menus/controllers/menu_push_controller')
const MenuIcons = () => import('#app/menus/controllers/menu_icons_controller')

/* The menu builder (issue #4 §2): each tenant's staff build their cabinet's and portal's menus. */
router
  .group(() => {
    router.get('/menus', [Menus, 'index']).as('menus.index')
    router.get('/menus/icons', [MenuIcons]).as('menus.icons')
    router
      .put('/menus/:audience', [Menus, 'update'])
      .as('menus.update')
      .where('audience', /^(staff|client)$/)
    router
      .post('/menus/:audience/review', [MenuReview, 'handle'])
      .as('menus.review')
      .where('audience', /^(staff|client)$/)
    router
      .post('/menus/:audience/push', [MenuPush, 'handle'])
      .as('menus.push')
      .where('audience', /^(staff|client)$/)
  })
  .prefix('/cabinet')
  .as('cabinet')
  .use([middleware.tenantDb(), middleware.auth({ audience: 'staff' }), middleware.inertia()])
