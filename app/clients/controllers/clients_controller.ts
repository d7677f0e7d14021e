import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { authorize, can } from '#core/authorization'
import { validateTranslated } from '#core/http/validation'
import { acceptForm, refuseForm } from '#core/http/form_outcome'
import { requireTenantId } from '#core/database/tenant_context'
import { CreateClient } from '#clients/actions/create_client'
import { CLIENT_TYPES, clientValidator } from '#clients/validators/client_validator'

/* The tenant's clients: companies and people, with validated identifiers. */
export default class ClientsController {
  async index(ctx: HttpContext) {
    await authorize(ctx, 'clients.companies.view')
    const rows = await db
      .from('clients')
      .where('tenant_id', requireTenantId('clients'))
      .orderBy('name')
      .limit(500)
      .select('id', 'type', 'name', 'inn', 'kpp', 'ogrn', 'national_id', 'legal_id', 'sheba')
    return ctx.inertia.render('cabinet/clients', {
      clients: rows.map((row) => ({
        id: row.id,
        type: row.type,
        name: row.name,
        identifiers: [row.inn, row.kpp, row.ogrn, row.national_id, row.legal_id, row.sheba]
          .filter(Boolean)
          .join(' · '),
      })),
      types: [...CLIENT_TYPES],
      can: { manage: await can(ctx, 'clients.companies.manage') },
    })
  }

  async store(ctx: HttpContext) {
    await authorize(ctx, 'clients.companies.manage')
    const input = await validateTranslated(ctx, clientValidator)
    const result = await new CreateClient().handle(input)
    if (!result.ok) return refuseForm(ctx, result.field, `ui.clients.${result.error}`)
    return acceptForm(ctx, '/cabinet/clients', 'ui.clients.created', { id: result.id })
  }
}
