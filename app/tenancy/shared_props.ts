import type { HttpContext } from '@adonisjs/core/http'

/* What pages format with: the tenant's time zone, calendar and currency (app/tenancy/pages.ts). */
export default function tenancySharedProps(ctx: HttpContext) {
  return {
    tenant: {
      slug: ctx.tenant.slug,
      isPlatform: ctx.tenant.isPlatform,
      timeZone: ctx.tenant.timeZone,
      calendar: ctx.tenant.calendar,
      currency: ctx.tenant.currency,
    },
  }
}
