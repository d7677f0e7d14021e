import app from '@adonisjs/core/services/app'
import { defineJob } from '#app/jobs/queue'
import { recordSystemAudit } from '#app/audit/audit'
import { effectiveCredential, useCredential } from '#app/integrations/credential_vault'
import { listCards } from '#app/fuel/providers/fuel_supplier'

/*
 * A connection check from a worker: reads the supplier's cards through the tenant's own
 * connection and fails when the supplier does, so the queue (not the client) retries it.
 */
export const supplierCheckJob = defineJob<{ marker: string }>({
  name: 'fuel.supplier_check',
  retryLimit: 1,
  retryDelay: 1,
  async handle(payload) {
    const tenant = await (await app.container.make('tenancy.registry')).tenant(payload.tenantId)
    const row = tenant ? await effectiveCredential(tenant, 'fuel_supplier') : null
    if (!row) throw new Error('no fuel supplier connection')
    await listCards(await useCredential(row, 'supplier_check', recordSystemAudit))
  },
})
