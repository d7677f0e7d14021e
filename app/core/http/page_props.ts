/*
 * The props every page receives, as types (the browser's type check reads this file, so it holds
 * types only). The platform's own are here; each module adds the ones it shares by merging into
 * ModuleSharedProps from its pages.ts, and provides them from its shared_props.ts
 * (app/core/http/shared_props.ts collects them):
 *
 *   declare module '#app/core/http/page_props' {
 *     interface ModuleSharedProps { unreadNotifications: number | null }
 *   }
 */
import type { Locale } from '#app/core/i18n/locales'

export interface ModuleSharedProps {}

export type CoreSharedProps = {
  errors: Record<string, string>
  flash: string | null
  /** The shared texts and the rendering module's (app/core/i18n/texts.ts). */
  i18n: { locale: Locale; dir: 'rtl' | 'ltr'; messages: Record<string, string> }
}

export type SharedProps = CoreSharedProps & ModuleSharedProps

/** A named route, compact: `[name, pattern, 'GET,POST', [[type, value, end], …]]`. */
export type CompactRoute = [string, string, string, Array<[0 | 1 | 2 | 3, string, string]>]

/** The named routes for the browser's URL builder (app/core/http/route_table.ts). */
export type RouteTable = CompactRoute[]
