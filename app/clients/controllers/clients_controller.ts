import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { authorize, can } from '#core/authorization'
import { validateTranslated } from '#core/http/validation'
import { acceptForm, refuseForm } from '#core/http/form_outcome'
import { requireTenantId } from '#core/database/tenant_context'
import { CreateClient } from '#clients/actions/create_client'
import { CLIENT_TYPES, clientValidator } from '#clients/validators/client_validator'
import { idParam, notFound } from '#core/http/params'
import { actorOf } from '#access/actor'
import { recordAudit } from '#audit/audit'
import { clientRoles, findClient, membersOf } from '#clients/queries/client_detail'
import { LinkClientMember, UnlinkClientMember } from '#clients/actions/manage_members'
import vine from '@vinejs/vine'

const linkValidator = vine.create({
  email: vine.string().trim().email().maxLength(254),
  roleId: vine.number().withoutDecimals().positive(),
})

/** The client named by :id in this tenant; another tenant's id is a 404 like a missing one. */
async function clientOr404(ctx: HttpContext) {
  const id = idParam(ctx.params.id)
  const client = id ? await findClient(id) : null
  if (!client) throw notFound()
  return client
}

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

  async show(ctx: HttpContext) {
    await authorize(ctx, 'clients.companies.view')
    const client = await clientOr404(ctx)
    return ctx.inertia.render('cabinet/client', {
      client,
      members: await membersOf(client.id),
      roles: await clientRoles(),
      can: { manageMembers: await can(ctx, 'clients.members.manage') },
    })
  }

  async linkMember(ctx: HttpContext) {
    await authorize(ctx, 'clients.members.manage')
    const client = await clientOr404(ctx)
    const input = await validateTranslated(ctx, linkValidator)
    const result = await new LinkClientMember().handle(await actorOf(ctx), client.id, input)
    if (!result.ok) {
      const field = result.error === 'user_not_found' ? 'email' : 'roleId'
      return refuseForm(ctx, field, `ui.clients.members.errors.${result.error}`)
    }
    await recordAudit(ctx, {
      action: 'clients.member_linked',
      subjectType: 'client',
      subjectId: client.id,
      before: result.before && { userId: result.userId, ...result.before },
      after: { userId: result.userId, ...result.after },
    })
    return acceptForm(ctx, `/cabinet/clients/${client.id}`, 'ui.clients.members.linked')
  }

  async unlinkMember(ctx: HttpContext) {
    await authorize(ctx, 'clients.members.manage')
    const client = await clientOr404(ctx)
    const userId = idParam(ctx.params.userId)
    const result = userId
      ? await new UnlinkClientMember().handle(await actorOf(ctx), client.id, userId)
      : null
    if (!result?.ok) throw notFound()
    await recordAudit(ctx, {
      action: 'clients.member_unlinked',
      subjectType: 'client',
      subjectId: client.id,
      before: { userId: result.userId, ...result.before },
    })
    return acceptForm(ctx, `/cabinet/clients/${client.id}`, 'ui.clients.members.unlinked')
  }
}
