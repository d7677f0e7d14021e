import { defineDemo } from '#app/core/modules/demo'
import { connectToSandbox } from '#app/integrations/demo_connections'

/* Money comes in through the sandbox bank; the fuel reseller exchanges documents with 1C too. */
const CONNECTIONS: Record<string, string[]> = {
  fuel: ['bank', 'accounting_1c'],
  rail: ['bank'],
  repair: ['bank'],
}

export default defineDemo({
  async seed({ db, tenants }) {
    for (const [slug, providers] of Object.entries(CONNECTIONS)) {
      const tenant = tenants.get(slug)
      if (!tenant) continue
      for (const provider of providers) await connectToSandbox(db, tenant, provider)
    }
  },
})
