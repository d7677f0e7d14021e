/*
 * Shared props by module (issue #12 §1): each module that puts something on every page exports,
 * from `app/<module>/shared_props.ts`, a function giving its props for a request. The Inertia
 * middleware calls them in dependency order on every render; their types are merged into
 * ModuleSharedProps (app/core/http/page_props.ts) by the module's pages.ts.
 */
import type { HttpContext } from '@adonisjs/core/http'
import type { Locale } from '#app/core/i18n/locales'
import { importFromModules } from '#app/core/modules/discover'

export interface SharedPropsRequest {
  /** The locale the page is rendered in (resolved once for every provider). */
  locale: Locale
}

export type SharedPropsProvider = (
  ctx: HttpContext,
  request: SharedPropsRequest
) => Promise<Record<string, unknown>> | Record<string, unknown>

let providers: Promise<SharedPropsProvider[]> | null = null

/** The modules' providers, found once per process. */
export function sharedPropsProviders(): Promise<SharedPropsProvider[]> {
  providers ??= importFromModules<{ default: SharedPropsProvider }>('shared_props.ts').then(
    (found) => found.map(({ exports }) => exports.default)
  )
  return providers
}

/** Every module's shared props for this request, one module after another. */
export async function moduleSharedProps(ctx: HttpContext, request: SharedPropsRequest) {
  const props: Record<string, unknown> = {}
  for (const provide of await sharedPropsProviders()) {
    Object.assign(props, await provide(ctx, request))
  }
  return props
}
