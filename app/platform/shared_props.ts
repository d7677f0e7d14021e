import type { HttpContext } from '@adonisjs/core/http'
import { routeTable } from '#app/core/http/route_table'

/*
 * The route table for `route(name, params)` in the pages, once per visit. Agents' portals are
 * not told the console's routes, nor anyone the bench's.
 */
export default function platformSharedProps(ctx: HttpContext) {
  const hidden = (name: string) =>
    name.startsWith('bench.') || (!ctx.tenant.isPlatform && name.startsWith('console.'))
  return { routes: ctx.inertia.once(() => routeTable(hidden)) }
}
