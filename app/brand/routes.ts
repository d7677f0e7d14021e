import router from '@adonisjs/core/services/router'

const BrandController = () => import('#app/brand/controllers/brand_controller')
const BrandAssetController = () => import('#app/brand/controllers/brand_asset_controller')

/* Public: the brand of the host's tenant (mobile apps use it); no database touched. */
router.get('/api/v1/brand', [BrandController]).as('brand.show')
router
  .get('/brand/assets/:asset', [BrandAssetController])
  .as('brand.asset')
  .where('asset', /^(logo-light|logo-dark|favicon)$/)
