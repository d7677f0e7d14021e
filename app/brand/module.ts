import { defineModule } from '#app/core/modules/manifest'

/* Brand tokens and assets of the host's tenant: what its sign-in page shows anyway. */
export default defineModule({
  key: 'brand',
  label: { en: 'Brand', ru: 'Бренд', fa: 'برند' },
  permissions: [],
  routes: {
    'brand.show': {
      public: 'tokens a sign-in page shows anyway; mobile apps read them',
      stateless: true,
    },
    'brand.asset': { public: 'logos and favicon of the host tenant', stateless: true },
  },
})
