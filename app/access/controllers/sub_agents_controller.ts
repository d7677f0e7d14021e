import { urlFor } from '@adonisjs/core/services/url_builder'
import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { authorize } from '#app/access/authorization'
import { validateTranslated } from '#app/core/http/validation'
import { acceptForm, refuseForm } from '#app/core/http/form_outcome'
import { actorOf } from '#app/access/actor'
import { CreateSubAgent, SavePackage } from '#app/access/actions/manage_packages'
import { grantable, packagesOf, subAgentsOf } from '#app/access/queries/sub_agents'
import { packageValidator, subAgentValidator } from '#app/access/validators/access_validators'
import { inviteFirstAdmin } from '#app/access/actions/invite_user'
import { recordAudit } from '#app/audit/audit'
import type User from '#app/auth/models/user'
import app from '@adonisjs/core/services/app'
import { idParam, notFound } from '#app/core/http/params'
import { inSubtree } from '#app/access/subtree'
import { switchModule } from '#app/platform/forms/switch_module'
import { moduleRows } from '#app/platform/queries/module_rows'

/* An agent's sub-agents and the permission packages it gives them. */
export default class SubAgentsController {
  async index(ctx: HttpContext) {
    await authorize(ctx, 'access.subagents.manage')
    const actor = await actorOf(ctx)
    const registry = await app.container.make('tenancy.registry')
    const subAgents = await subAgentsOf(ctx.tenant)
    const modules: Record<number, Awaited<ReturnType<typeof moduleRows>>> = {}
    for (const agent of subAgents) {
      const tenant = await registry.tenant(agent.id)
      const parent = tenant?.parentId ? await registry.tenant(tenant.parentId) : null
      if (tenant) modules[agent.id] = await moduleRows(tenant, parent)
    }
    return ctx.inertia.render('access/sub_agents/index', {
      subAgents,
      modules,
      packages: await packagesOf(ctx.tenant),
      grantable: await grantable(actor.scopes ?? new Map(), actor.ceiling),
      can: { packages: actor.permissions.has('access.packages.manage') },
    })
  }

  async store(ctx: HttpContext) {
    await authorize(ctx, 'access.subagents.manage')
    const input = await validateTranslated(ctx, subAgentValidator)
    const result = await new CreateSubAgent().handle(await actorOf(ctx), input)
    if (!result.ok) {
      const field = result.error === 'slug_taken' ? 'slug' : 'packageId'
      return refuseForm(ctx, field, `ui.access.errors.${result.error}`)
    }
    if (input.adminEmail && input.adminName) {
      const user = ctx.auth.use('web').user as User
      await inviteFirstAdmin({ userId: user.id, fullName: user.fullName }, result.tenant.id, {
        email: input.adminEmail,
        fullName: input.adminName,
      })
    }
    await recordAudit(ctx, {
      action: 'access.subagent_created',
      subjectType: 'tenant',
      subjectId: result.tenant.id,
      after: {
        slug: result.tenant.slug,
        packageId: input.packageId,
        firstAdmin: input.adminEmail ?? null,
      },
    })
    return acceptForm(ctx, urlFor('cabinet.subagents.index'), 'ui.access.sub_agent_created', {
      id: result.tenant.id,
    })
  }

  /** A module of one of this agent's sub-agents (never its own, never outside its subtree). */
  async updateModule(ctx: HttpContext) {
    await authorize(ctx, 'access.subagents.manage')
    const id = idParam(ctx.params.id)
    const registry = await app.container.make('tenancy.registry')
    const target = id ? await registry.tenant(id) : null
    if (!target || target.id === ctx.tenant.id || !inSubtree(ctx.tenant, target)) throw notFound()
    return switchModule(ctx, target, urlFor('cabinet.subagents.index'))
  }

  async storePackage(ctx: HttpContext) {
    await authorize(ctx, 'access.packages.manage')
    const input = await validateTranslated(ctx, packageValidator)
    const result = await new SavePackage().handle(await actorOf(ctx), input)
    if (!result.ok) {
      const field = result.error === 'name_taken' ? 'name' : 'permissions'
      return refuseForm(ctx, field, `ui.access.errors.${result.error}`)
    }
    return acceptForm(ctx, urlFor('cabinet.subagents.index'), 'ui.access.package_saved', {
      id: result.id,
    })
  }

  async updatePackage(ctx: HttpContext) {
    await authorize(ctx, 'access.packages.manage')
    // Another tenant's package, or none: a 404 before anything else, so nothing is learned.
    const id = idParam(ctx.params.id)
    const owned =
      id &&
      (await db
        .from('permission_packages')
        .where('id', id)
        .where('owner_tenant_id', ctx.tenant.id)
        .first())
    if (!id || !owned) throw notFound()
    const input = await validateTranslated(ctx, packageValidator)
    const result = await new SavePackage().handle(await actorOf(ctx), { ...input, id })
    if (!result.ok) {
      const field = result.error === 'name_taken' ? 'name' : 'permissions'
      return refuseForm(ctx, field, `ui.access.errors.${result.error}`)
    }
    return acceptForm(ctx, urlFor('cabinet.subagents.index'), 'ui.access.package_saved', { id })
  }
}
