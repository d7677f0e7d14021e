import { urlFor } from '@adonisjs/core/services/url_builder'
import type { HttpContext } from '@adonisjs/core/http'
import app from '@adonisjs/core/services/app'
import vine from '@vinejs/vine'
import { authorize, scopeOf } from '#app/access/authorization'
import { validateTranslated, idField } from '#app/core/http/validation'
import { refuseForm } from '#app/core/http/form_outcome'
import { wantsJson } from '#app/core/http/wants_json'
import { actorOf } from '#app/access/actor'
import { impersonationCandidates, StartImpersonation } from '#app/access/actions/impersonate'
import { inSubtree } from '#app/access/subtree'
import { recordAudit, recordAuditDurably } from '#app/audit/audit'
import type User from '#app/auth/models/user'
import { currentSessionRef } from '#app/auth/user_sessions'

const startValidator = vine.create({
  tenantId: idField(),
  userId: idField(),
})

/* Choosing whom to act as (this tenant or a sub-agent), and starting it. */
export default class ImpersonationsController {
  async index(ctx: HttpContext) {
    await authorize(ctx, 'access.users.impersonate')
    const registry = await app.container.make('tenancy.registry')
    const subtree = (await scopeOf(ctx, 'access.users.impersonate')) === 'subtree'
    const tenants = (await registry.all())
      .filter(
        (tenant) =>
          tenant.status === 'active' &&
          (tenant.id === ctx.tenant.id || (subtree && inSubtree(ctx.tenant, tenant)))
      )
      .sort((a, b) => a.path.localeCompare(b.path))
    const wanted = Number(ctx.request.qs().tenant ?? ctx.tenant.id)
    const chosen = tenants.find((tenant) => tenant.id === wanted) ?? ctx.tenant
    return ctx.inertia.render('access/impersonations/create', {
      tenants: tenants.map((tenant) => ({
        id: tenant.id,
        name: tenant.name,
        depth: tenant.depth - ctx.tenant.depth,
      })),
      tenantId: chosen.id,
      people: await impersonationCandidates(chosen),
    })
  }

  async store(ctx: HttpContext) {
    await authorize(ctx, 'access.users.impersonate')
    const target = await validateTranslated(ctx, startValidator)
    const user = ctx.auth.use('web').user as User
    const actor = await actorOf(ctx)
    const result = await new StartImpersonation().handle(
      {
        userId: user.id,
        fullName: user.fullName,
        tenant: ctx.tenant,
        permissions: actor.permissions,
        scope: await scopeOf(ctx, 'access.users.impersonate'),
        sessionRef: currentSessionRef(ctx)!,
      },
      target,
      urlFor('cabinet.impersonate.index')
    )
    if (!result.ok) {
      if (result.error === 'not_lower_rank' || result.error === 'self') {
        // Equal or higher rank: forbidden, and kept like any refused authorization.
        recordAuditDurably(ctx, {
          action: 'authorization.denied',
          subjectType: 'user',
          subjectId: target.userId,
          after: { impersonate: true, tenantId: target.tenantId, reason: result.error },
        })
      }
      return refuseForm(
        ctx,
        'userId',
        `ui.impersonate.errors.${result.error}`,
        undefined,
        result.error === 'not_lower_rank' || result.error === 'self' ? 403 : 422
      )
    }
    await recordAudit(ctx, {
      action: 'access.impersonation_issued',
      subjectType: 'user',
      subjectId: target.userId,
      after: { tenantId: result.tenant.id },
    })
    if (wantsJson(ctx)) return ctx.response.ok({ ok: true, redirect: result.url })
    // Another domain: a full page visit.
    return ctx.inertia.location(result.url)
  }
}
