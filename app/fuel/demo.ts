import { defineDemo } from '#app/core/modules/demo'
import { connectToSandbox } from '#app/integrations/demo_connections'

/* The fuel reseller buys its cards from the sandbox supplier. */
export default defineDemo({
  async seed({ tenants }) {
    const fuel = tenants.get('fuel')
    if (fuel) await connectToSandbox(fuel, 'fuel_supplier')
  },
})
