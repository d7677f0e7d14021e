/*
 * Shapes of the props every page receives, from where they are written: the platform's in
 * app/core/http/page_props.ts, each module's merged in from its app/<module>/pages.ts.
 */
import type { SharedProps as AllSharedProps } from '#app/core/http/page_props'

export type { Locale } from '#app/core/i18n/locales'
export type { PublicBrand as Brand } from '#app/brand/pages'
/** The signed-in person's menu, already cut to its modules and permissions (app/menus). */
export type {
  MenuIconNode,
  MenuIcons,
  RenderedMenu,
  RenderedMenuItem as MenuLink,
  RenderedMenuGroup as MenuGroup,
  RenderedMenuNode as MenuEntry,
} from '#app/menus/pages'

// The index signature: Inertia's usePage<T>() wants a record.
export type SharedProps = AllSharedProps & { [key: string]: unknown }
