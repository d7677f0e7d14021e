/*
 * A module declares itself in `app/<module>/module.ts`: its key, what it depends on and the
 * permissions it brings. The platform composes these (app/core/modules/registry.ts); nothing
 * keeps a central hand-edited list.
 */
import type { HttpContext } from '@adonisjs/core/http'
import type { Translated } from '#app/core/i18n/locales'

/** own: the actor's tenant; subtree: its descendants too; companies: a client's companies. */
export type GrantScope = 'own' | 'subtree' | 'companies'

export interface PermissionDeclaration {
  /** `module.resource.action`, the module part equal to the manifest's key. */
  key: string
  label: Translated
  scopes: GrantScope[]
  /**
   * When this permission is new to an installation whose tenants already exist, every package
   * and role holding `grantedAlongside` gets it too, once (app/access/permission_rollout.ts).
   */
  grantedAlongside?: string
}

/*
 * What a route asks of its caller, declared beside the module's permissions. Every route
 * must have one (a test enumerates the router); handlers still call `authorize()`.
 *  - permission: the caller must hold it;
 *  - anyOf: one of these, as the handler decides (for example by audience);
 *  - self: any signed-in user, acting only on its own account (sessions, password, 2FA);
 *  - public: anyone, with the reason written down; `stateless` ones run without session, CSRF
 *    and auth, so they set no cookie (a shared cache may keep them) and answer while the
 *    session store is down.
 */
export type RouteAccess =
  | { permission: string }
  | { anyOf: string[] }
  | { self: string }
  | { public: string; stateless?: true }

/**
 * A menu icon: the kebab-case name of a lucide icon (`house`, `building-2`). Core keeps no list;
 * app/menus checks the name against the icon set when menus are composed and saved.
 */
export type MenuIcon = string

/*
 * A page a tenant's menu may point at: a parameterless GET route of this module, for one or both
 * audiences. `where` keeps the platform console's pages off agents' menus and the other way round.
 */
export interface MenuEntryDeclaration {
  route: string
  audiences: Array<'staff' | 'client'>
  label: Translated
  icon: MenuIcon
  where?: 'platform' | 'agents'
  /** The item's id in a starting menu (stable: tenants' saved menus keep it). */
  id?: string
  /** Where the page sits in the menus new tenants start with (tenants/index.ts). */
  starts?: MenuPlacement[]
}

/** A place in a starting menu: the platform's or the agents', one audience, maybe in a group. */
export interface MenuPlacement {
  in: 'platform' | 'agents'
  audience: 'staff' | 'client'
  /** A group some module declares in `menuGroups`; none: the top level. */
  group?: string
  /** Smaller first, among its siblings. */
  order: number
}

/** A group of a starting menu, declared by the module whose pages it mostly gathers. */
export interface MenuGroupDeclaration {
  id: string
  label: Translated
  icon: MenuIcon
  starts: Array<Omit<MenuPlacement, 'group'>>
}

/*
 * A role new tenants may start with (issue #12 §1): a kind's preset names templates; the
 * permissions come from the modules, each granting its own to the templates it serves.
 */
export interface RoleTemplateDeclaration {
  key: string
  name: Translated
  audience: 'staff' | 'client'
}

/** What a module gives a role template: its own permissions, wider scopes, maybe only in some kinds. */
export interface RoleGrant {
  permissions: string[]
  /** Grants wider than `own` (staff), for example `subtree` for an agent's administrator. */
  scopes?: Record<string, 'own' | 'subtree'>
  /** Only in these tenant kinds (default: every kind that has the module). */
  kinds?: string[]
}

/*
 * An event a module tells people about (issue #4 §9). Its texts live in
 * resources/lang/<locale>/notifications.json under the type (`title`, `body`, ICU with the
 * event's parameters). Who gets it:
 *  - `permission`: the tenant's staff who hold that permission now (dead letters, requests);
 *  - otherwise the people the module names when it fires (the person whose request was decided).
 * `defaults` are the channels a person gets until they change them on their preferences page.
 */
export interface NotificationDeclaration {
  type: string
  audience: 'staff' | 'client' | 'any'
  label: Translated
  permission?: string
  defaults: { inApp: boolean; email: boolean }
}

/**
 * The page `/` shows a signed-in person of one audience: the module that owns that shell renders
 * it (the staff cabinet, the client portal). One module per audience.
 */
export interface HomeDeclaration {
  audience: 'staff' | 'client'
  render: () => Promise<{ default: (ctx: HttpContext) => Promise<unknown> }>
}

/** The files a route accepts (issue #11 §1, app/core/http/uploads.ts). */
export interface UploadDeclaration {
  /** The file fields the route reads. */
  fields: string[]
  /** The most bytes the whole request body may carry. */
  maxBytes: number
}

export interface ModuleManifest {
  key: string
  label: Translated
  /**
   * A business module a tenant may have switched on or off (tenant_modules); the others are
   * the platform's own machinery and always on.
   */
  toggleable?: boolean
  dependsOn?: string[]
  /**
   * `ui` text groups of other modules that this module's pages also show (a page gets the shared
   * texts and its module's; app/core/i18n/texts.ts). A static test checks every page against it.
   */
  borrowsTexts?: string[]
  permissions: PermissionDeclaration[]
  /** Route name -> access, for the routes this module registers. */
  routes?: Record<string, RouteAccess>
  /** The module's pages a menu may point at (issue #4 §2). */
  menu?: MenuEntryDeclaration[]
  /** Groups of the starting menus. */
  menuGroups?: MenuGroupDeclaration[]
  /** Role templates this module defines (their permissions come from every module's grants). */
  roleTemplates?: RoleTemplateDeclaration[]
  /** Template key -> what this module grants it. */
  roleGrants?: Record<string, RoleGrant | RoleGrant[]>
  /** The events this module notifies people of (issue #4 §9). */
  notifications?: NotificationDeclaration[]
  /** Route name -> the files it accepts; no other route takes a multipart body (issue #11 §1). */
  uploads?: Record<string, UploadDeclaration>
  /** The home page this module renders for one audience. */
  home?: HomeDeclaration
}

export function defineModule(manifest: ModuleManifest): ModuleManifest {
  return manifest
}
