import { defineDemo } from '#app/core/modules/demo'
import { connectToSandbox } from '#app/integrations/demo_connections'

/* The fuel reseller buys its cards from the sandbox supplier. */
export default defineDemo({
  async seed({ db, tenants }) {
    const fuel = tenants.get('fuel')
    if (fuel) await connectToSandbox(db, fuel, 'fuel_supplier')
  },
})
