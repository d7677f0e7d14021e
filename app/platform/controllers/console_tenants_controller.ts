import { urlFor } from '@adonisjs/core/services/url_builder'
import type { HttpContext } from '@adonisjs/core/http'
import { authorize, can } from '#app/access/authorization'
import { validateTranslated } from '#app/core/http/validation'
import { acceptForm, refuseForm } from '#app/core/http/form_outcome'
import { ProvisionTenant } from '#app/platform/actions/provision_tenant'
import { SetTenantStatus } from '#app/platform/actions/set_tenant_status'
import { tenantDetails, tenantTree } from '#app/platform/queries/console_queries'
import { createTenantValidator, statusValidator } from '#app/platform/validators/console_validators'
import { findTenantOr404 } from '#app/platform/controllers/find_tenant'
import { TENANT_KINDS } from '#tenants/types'
import app from '@adonisjs/core/services/app'
import { notFound } from '#app/core/http/params'
import { moduleRows } from '#app/platform/queries/module_rows'
import { switchModule } from '#app/platform/forms/switch_module'

/* The platform console: the tenant tree, one tenant, new tenants, enable/disable. */
export default class ConsoleTenantsController {
  async index(ctx: HttpContext) {
    await authorize(ctx, 'platform.tenants.view')
    return ctx.inertia.render('platform/tenants/index', {
      tree: await tenantTree(),
      kinds: [...TENANT_KINDS],
      can: { manage: await can(ctx, 'platform.tenants.manage') },
    })
  }

  async show(ctx: HttpContext) {
    await authorize(ctx, 'platform.tenants.view')
    const tenant = await findTenantOr404(ctx)
    const registry = await app.container.make('tenancy.registry')
    const resolved = (await registry.tenant(tenant.id))!
    const parent = tenant.parentId ? await registry.tenant(tenant.parentId) : null
    return ctx.inertia.render('platform/tenants/show', {
      ...(await tenantDetails(tenant)),
      // The root has every module by definition: nothing to switch there.
      modules: parent ? await moduleRows(resolved, parent) : [],
      can: {
        manage: await can(ctx, 'platform.tenants.manage'),
        brand: await can(ctx, 'platform.brands.manage'),
        domains: await can(ctx, 'platform.domains.manage'),
      },
    })
  }

  async updateModule(ctx: HttpContext) {
    await authorize(ctx, 'platform.tenants.manage')
    const tenant = await findTenantOr404(ctx)
    const registry = await app.container.make('tenancy.registry')
    const resolved = await registry.tenant(tenant.id)
    if (!resolved || !resolved.parentId) throw notFound()
    return switchModule(ctx, resolved, urlFor('console.tenants.show', { id: tenant.id }))
  }

  async store(ctx: HttpContext) {
    await authorize(ctx, 'platform.tenants.manage')
    const input = await validateTranslated(ctx, createTenantValidator)
    const result = await new ProvisionTenant().handle({
      parentId: input.parentId,
      kind: input.kind,
      slug: input.slug,
      name: input.name,
    })
    if (!result.ok) {
      const field = result.error === 'parent_not_found' ? 'parentId' : 'slug'
      return refuseForm(ctx, field, `ui.validation.${result.error}`)
    }
    return acceptForm(
      ctx,
      urlFor('console.tenants.show', { id: result.tenant.id }),
      'ui.console.created',
      {
        id: result.tenant.id,
      }
    )
  }

  async updateStatus(ctx: HttpContext) {
    await authorize(ctx, 'platform.tenants.manage')
    const tenant = await findTenantOr404(ctx)
    const { status } = await validateTranslated(ctx, statusValidator)
    const result = await new SetTenantStatus().handle(tenant, status)
    if (!result.ok) return refuseForm(ctx, 'status', `ui.validation.${result.error}`)
    return acceptForm(ctx, urlFor('console.tenants.show', { id: tenant.id }), 'ui.console.saved')
  }
}
