/*
 * The named routes as the browser's URL builder needs them (issue #12 §4: URLs from route names
 * on both sides). Built once per process from the router, in a compact form the browser expands
 * (inertia/composables/route.ts): `[name, pattern, methods, tokens]`, each token the
 * `[type, value, end]` the builder reads. Sent once per visit (an Inertia `once` prop,
 * app/platform/shared_props.ts), not on every page.
 */
import router from '@adonisjs/core/services/router'
import type { CompactRoute, RouteTable } from '#app/core/http/page_props'

let table: CompactRoute[] | null = null

/** Every named route on the root domain, minus those `hide` names. */
export function routeTable(hide: (name: string) => boolean = () => false): RouteTable {
  table ??= (router.toJSON().root ?? [])
    .filter((route) => route.name)
    .map((route): CompactRoute => [
      route.name!,
      route.pattern,
      route.methods.filter((method) => method !== 'HEAD').join(','),
      route.tokens.map(({ type, val, end }) => [type, val, end]),
    ])
  return table.filter(([name]) => !hide(name))
}
