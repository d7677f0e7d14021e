import { defineDemo } from '#app/core/modules/demo'
import { connectToSandbox } from '#app/integrations/demo_connections'

/* The PSP's codes for our collection reasons (SPEC §6.4: "internal 1 → PSP-A 1"). */
const PSP_COLLECTION_CODES = { merchant_request: '1', low_turnover: '2', fault: '3' }

/*
 * The POS broker connects a payment company and shares it: its agents and their sub-agents use
 * it unless they sign their own.
 */
export default defineDemo({
  async seed({ db, tenants }) {
    const pos = tenants.get('pos')
    if (!pos) return
    await connectToSandbox(db, pos, 'psp', {
      shareWithSubagents: true,
      codeMaps: { terminal_collection_reasons: PSP_COLLECTION_CODES },
    })
  },
})
