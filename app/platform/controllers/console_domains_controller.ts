import { urlFor } from '@adonisjs/core/services/url_builder'
import type { HttpContext } from '@adonisjs/core/http'
import { authorize } from '#app/access/authorization'
import { validateTranslated } from '#app/core/http/validation'
import { acceptForm, refuseForm } from '#app/core/http/form_outcome'
import {
  AddDomain,
  MakeDomainPrimary,
  SetDomainStatus,
  VerifyDomain,
} from '#app/platform/actions/manage_domains'
import { domainValidator, statusValidator } from '#app/platform/validators/console_validators'
import { findDomainOr404, findTenantOr404 } from '#app/platform/controllers/find_tenant'

/* Custom domains of a tenant: add, verify by DNS TXT, make primary, disable, enable. */
export default class ConsoleDomainsController {
  async store(ctx: HttpContext) {
    await authorize(ctx, 'platform.domains.manage')
    const tenant = await findTenantOr404(ctx)
    const { hostname } = await validateTranslated(ctx, domainValidator)
    const result = await new AddDomain().handle(tenant, hostname)
    if (!result.ok) return refuseForm(ctx, 'hostname', `ui.validation.${result.error}`)
    return acceptForm(
      ctx,
      urlFor('console.tenants.show', { id: tenant.id }),
      'ui.console.domain_added',
      {
        domainId: result.domain.id,
      }
    )
  }

  async verify(ctx: HttpContext) {
    await authorize(ctx, 'platform.domains.manage')
    const tenant = await findTenantOr404(ctx)
    const domain = await findDomainOr404(ctx, tenant)
    const result = await new VerifyDomain().handle(domain)
    if (!result.ok) return refuseForm(ctx, `domain_${domain.id}`, 'ui.console.domain_not_verified')
    return acceptForm(
      ctx,
      urlFor('console.tenants.show', { id: tenant.id }),
      'ui.console.domain_verified'
    )
  }

  async primary(ctx: HttpContext) {
    await authorize(ctx, 'platform.domains.manage')
    const tenant = await findTenantOr404(ctx)
    const domain = await findDomainOr404(ctx, tenant)
    const result = await new MakeDomainPrimary().handle(domain)
    if (!result.ok) return refuseForm(ctx, `domain_${domain.id}`, `ui.validation.${result.error}`)
    return acceptForm(ctx, urlFor('console.tenants.show', { id: tenant.id }), 'ui.console.saved')
  }

  async updateStatus(ctx: HttpContext) {
    await authorize(ctx, 'platform.domains.manage')
    const tenant = await findTenantOr404(ctx)
    const domain = await findDomainOr404(ctx, tenant)
    const { status } = await validateTranslated(ctx, statusValidator)
    const result = await new SetDomainStatus().handle(domain, status)
    if (!result.ok) return refuseForm(ctx, `domain_${domain.id}`, `ui.validation.${result.error}`)
    return acceptForm(ctx, urlFor('console.tenants.show', { id: tenant.id }), 'ui.console.saved')
  }
}
