/*
 * `route(name, params)`: a page's URLs from route names, as the server makes them with `urlFor`
 * (issue #12 §4). The names and their params are typed from the routes AdonisJS scans
 * (`node ace codegen` writes .adonisjs/server/routes.d.ts); the table itself comes, compact, with
 * the first page of a visit (the `routes` shared prop, app/core/http/route_table.ts).
 *
 *   route('cabinet.clients.show', { id: client.id })    // '/cabinet/clients/12'
 *   route('cabinet.clients.index', [], { qs: { scope: 'subtree' } })
 */
import { usePage } from '@inertiajs/vue3'
import { createUrlBuilder, type ClientRouteJSON } from '@adonisjs/core/http/url_builder_client'
import type { RoutesList } from '@adonisjs/core/types/http'
import type { SharedProps } from '~/types'

function expanded(): { root: ClientRouteJSON[] } {
  return {
    root: usePage<SharedProps>().props.routes.map(([name, pattern, methods, tokens]) => ({
      name,
      pattern,
      methods: methods.split(','),
      domain: 'root',
      tokens: tokens.map(([type, val, end]) => ({ type, val, end, old: pattern })),
    })),
  }
}

export const route = createUrlBuilder<RoutesList>(expanded, (qs) =>
  new URLSearchParams(qs).toString()
)
