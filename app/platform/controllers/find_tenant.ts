import type { HttpContext } from '@adonisjs/core/http'
import Tenant from '#app/tenancy/models/tenant'
import Domain from '#app/tenancy/models/domain'
import { idParam, notFound } from '#app/core/http/params'

/* The tenant named by :id (locked when a write follows); unknown ids are a 404. */
export async function findTenantOr404(ctx: HttpContext): Promise<Tenant> {
  const id = idParam(ctx.params.id)
  const query = Tenant.query().where('id', id ?? 0)
  if (ctx.request.method() !== 'GET') query.forUpdate()
  const tenant = id ? await query.first() : null
  if (!tenant) throw notFound()
  return tenant
}

/* A domain of that tenant: a domain id of another tenant is a 404 too. */
export async function findDomainOr404(ctx: HttpContext, tenant: Tenant): Promise<Domain> {
  const id = idParam(ctx.params.domainId)
  const domain = id
    ? await Domain.query().where('id', id).where('tenant_id', tenant.id).forUpdate().first()
    : null
  if (!domain) throw notFound()
  return domain
}
