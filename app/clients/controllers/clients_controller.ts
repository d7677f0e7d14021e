import { urlFor } from '@adonisjs/core/services/url_builder'
import type { HttpContext } from '@adonisjs/core/http'
import app from '@adonisjs/core/services/app'
import { authorize, can, scopeOf } from '#app/access/authorization'
import { withSubtreeReads } from '#app/core/database/subtree'
import { clientList } from '#app/clients/queries/client_list'
import { inSubtree } from '#app/access/subtree'
import { validateTranslated, idField } from '#app/core/http/validation'
import { acceptForm, refuseForm } from '#app/core/http/form_outcome'
import { CreateClient } from '#app/clients/actions/create_client'
import { CLIENT_TYPES, clientValidator } from '#app/clients/validators/client_validator'
import { idParam, notFound } from '#app/core/http/params'
import { actorOf } from '#app/access/actor'
import { recordAudit } from '#app/audit/audit'
import { clientRoles, findClient, membersOf } from '#app/clients/queries/client_detail'
import { LinkClientMember, UnlinkClientMember } from '#app/clients/actions/manage_members'
import vine from '@vinejs/vine'

const listValidator = vine.create({
  scope: vine.enum(['own', 'subtree'] as const).optional(),
  before: idField().optional(),
  after: vine
    .string()
    .maxLength(300)
    .regex(/^\d+:\d+$/)
    .optional(),
})

const linkValidator = vine.create({
  email: vine.string().trim().email().maxLength(254),
  roleId: idField(),
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
    const { scope, before, after } = await validateTranslated(ctx, listValidator)
    const canSubtree = (await scopeOf(ctx, 'clients.companies.view')) === 'subtree'
    const subtree = scope === 'subtree' && canSubtree
    const registry = await app.container.make('tenancy.registry')
    const tenants = await registry.all()
    const names = new Map(tenants.map((tenant) => [tenant.id, tenant.name]))
    const page = subtree
      ? await withSubtreeReads(ctx.tenant.path, () =>
          clientList({
            subtree: {
              path: ctx.tenant.path,
              tenantIds: tenants
                .filter((tenant) => inSubtree(ctx.tenant, tenant))
                .map((tenant) => tenant.id),
            },
            after,
          })
        )
      : await clientList({ before })
    return ctx.inertia.render('clients/clients/index', {
      clients: page.rows.map((row) => ({
        ...row,
        tenant: row.tenantId === ctx.tenant.id ? null : (names.get(row.tenantId) ?? ''),
      })),
      next: page.next,
      scope: subtree ? 'subtree' : 'own',
      types: [...CLIENT_TYPES],
      can: { manage: await can(ctx, 'clients.companies.manage'), subtree: canSubtree },
    })
  }

  async store(ctx: HttpContext) {
    await authorize(ctx, 'clients.companies.manage')
    const input = await validateTranslated(ctx, clientValidator)
    const result = await new CreateClient().handle(input)
    if (!result.ok) return refuseForm(ctx, result.field, `ui.clients.${result.error}`)
    return acceptForm(ctx, urlFor('cabinet.clients.index'), 'ui.clients.created', { id: result.id })
  }

  async show(ctx: HttpContext) {
    await authorize(ctx, 'clients.companies.view')
    const client = await clientOr404(ctx)
    return ctx.inertia.render('clients/clients/show', {
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
    return acceptForm(
      ctx,
      urlFor('cabinet.clients.show', { id: client.id }),
      'ui.clients.members.linked'
    )
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
    return acceptForm(
      ctx,
      urlFor('cabinet.clients.show', { id: client.id }),
      'ui.clients.members.unlinked'
    )
  }
}
