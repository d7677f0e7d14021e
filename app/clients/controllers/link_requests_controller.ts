import { urlFor } from '@adonisjs/core/services/url_builder'
import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import LinkRequest from '#app/clients/models/link_request'
import { authorize } from '#app/access/authorization'
import { validateTranslated, idField } from '#app/core/http/validation'
import { acceptForm, refuseForm } from '#app/core/http/form_outcome'
import { idParam, notFound } from '#app/core/http/params'
import { actorOf } from '#app/access/actor'
import { recordAudit } from '#app/audit/audit'
import { ApproveLinkRequest, RejectLinkRequest } from '#app/clients/actions/decide_link_request'
import { pendingLinkRequests } from '#app/clients/queries/link_requests'
import { clientRoles } from '#app/clients/queries/client_detail'

const approveValidator = vine.create({
  roleId: idField(),
  clientId: idField().optional(),
})

/** A pending request of this tenant named by :id; anything else is a 404 before any input. */
async function requestIdOr404(ctx: HttpContext): Promise<number> {
  const id = idParam(ctx.params.id)
  const row = id ? await LinkRequest.query().where({ id, status: 'pending' }).first() : null
  if (!row) throw notFound()
  return id!
}

/* People waiting to be linked to a company: staff check and decide. */
export default class LinkRequestsController {
  async index(ctx: HttpContext) {
    await authorize(ctx, 'clients.members.manage')
    return ctx.inertia.render('clients/link_requests/index', {
      requests: await pendingLinkRequests(),
      roles: await clientRoles(),
    })
  }

  async approve(ctx: HttpContext) {
    await authorize(ctx, 'clients.members.manage')
    const id = await requestIdOr404(ctx)
    const input = await validateTranslated(ctx, approveValidator)
    const result = await new ApproveLinkRequest().handle(await actorOf(ctx), id, input)
    if (!result.ok) {
      if (result.error === 'request_not_found') throw notFound()
      return refuseForm(ctx, 'roleId', `ui.link_requests.errors.${result.error}`)
    }
    await recordAudit(ctx, {
      action: 'clients.link_request_approved',
      subjectType: 'link_request',
      subjectId: id,
      before: { status: 'pending' },
      after: {
        status: 'approved',
        userId: result.userId,
        clientId: result.clientId,
        roleId: input.roleId,
      },
    })
    return acceptForm(ctx, urlFor('cabinet.link_requests.index'), 'ui.link_requests.approved')
  }

  async reject(ctx: HttpContext) {
    await authorize(ctx, 'clients.members.manage')
    const id = await requestIdOr404(ctx)
    const result = await new RejectLinkRequest().handle(await actorOf(ctx), id)
    if (!result.ok) throw notFound()
    await recordAudit(ctx, {
      action: 'clients.link_request_rejected',
      subjectType: 'link_request',
      subjectId: id,
      before: { status: 'pending' },
      after: { status: 'rejected', userId: result.userId },
    })
    return acceptForm(ctx, urlFor('cabinet.link_requests.index'), 'ui.link_requests.rejected')
  }
}
