import { defineForeignIds } from '#tests/support/foreign_ids'

/* The console's routes take tenant ids: another business's tenant is not fuel's to touch. */
export default defineForeignIds({
  async ids({ others }) {
    return Object.fromEntries(
      [
        'console.tenants.show',
        'console.tenants.status',
        'console.tenants.modules',
        'console.brand.update',
        'console.brand.asset',
        'console.brand.upload',
        'console.brand.remove',
        'console.domains.store',
        'console.domains.verify',
        'console.domains.primary',
        'console.domains.status',
      ].map((name) => [name, others])
    )
  },
})
