/*
 * The module registry: every `app/<module>/module.ts` manifest, loaded once and checked.
 * The permission catalog is the union of the manifests' permissions.
 */
import type {
  HomeDeclaration,
  MenuEntryDeclaration,
  ModuleManifest,
  NotificationDeclaration,
  PermissionDeclaration,
  MenuGroupDeclaration,
  RoleTemplateDeclaration,
  RouteAccess,
  UploadDeclaration,
} from './manifest.ts'
import { pageTextGroups } from '../i18n/texts.ts'
import { importFromModules } from './discover.ts'

const PERMISSION_KEY = /^[a-z][a-z_]*\.[a-z][a-z_]*\.[a-z][a-z_]*$/

export class ModuleCatalog {
  readonly modules: ReadonlyMap<string, ModuleManifest>
  readonly permissions: ReadonlyMap<string, PermissionDeclaration & { module: string }>
  readonly routes: ReadonlyMap<string, RouteAccess & { module: string }>
  /** Route name -> the menu entry declared for it, with the module owning the route. */
  readonly menuEntries: ReadonlyMap<string, MenuEntryDeclaration & { module: string }>
  /** Route name -> the files it accepts. */
  readonly uploads: ReadonlyMap<string, UploadDeclaration>
  /** Notification type -> its declaration, with the module that fires it. */
  readonly notifications: ReadonlyMap<string, NotificationDeclaration & { module: string }>
  /** Role template key -> its declaration. */
  readonly roleTemplates: ReadonlyMap<string, RoleTemplateDeclaration & { module: string }>
  /** Starting-menu group id -> its declaration. */
  readonly menuGroups: ReadonlyMap<string, MenuGroupDeclaration & { module: string }>
  /** Audience -> the home page its module declares. */
  readonly homes: ReadonlyMap<HomeDeclaration['audience'], HomeDeclaration>

  constructor(manifests: ModuleManifest[]) {
    const modules = new Map<string, ModuleManifest>()
    const permissions = new Map<string, PermissionDeclaration & { module: string }>()
    const routes = new Map<string, RouteAccess & { module: string }>()
    for (const manifest of manifests) {
      if (modules.has(manifest.key)) throw new Error(`Module ${manifest.key} is declared twice`)
      modules.set(manifest.key, manifest)
      for (const permission of manifest.permissions) {
        if (!PERMISSION_KEY.test(permission.key)) {
          throw new Error(`Permission ${permission.key} is not module.resource.action`)
        }
        if (permission.key.split('.')[0] !== manifest.key) {
          throw new Error(`Permission ${permission.key} is declared outside module ${manifest.key}`)
        }
        if (permissions.has(permission.key)) {
          throw new Error(`Permission ${permission.key} is declared twice`)
        }
        permissions.set(permission.key, { ...permission, module: manifest.key })
      }
    }
    for (const permission of permissions.values()) {
      if (permission.grantedAlongside && !permissions.has(permission.grantedAlongside)) {
        throw new Error(`Permission ${permission.key} is granted alongside unknown one`)
      }
    }
    for (const manifest of manifests) {
      for (const [name, access] of Object.entries(manifest.routes ?? {})) {
        if (routes.has(name)) throw new Error(`Route ${name} is declared twice`)
        const named =
          'permission' in access ? [access.permission] : 'anyOf' in access ? access.anyOf : []
        for (const key of named) {
          if (!permissions.has(key))
            throw new Error(`Route ${name} needs unknown permission ${key}`)
        }
        routes.set(name, { ...access, module: manifest.key })
      }
      for (const dependency of manifest.dependsOn ?? []) {
        if (!modules.has(dependency)) {
          throw new Error(`Module ${manifest.key} depends on unknown module ${dependency}`)
        }
      }
    }
    const menuEntries = new Map<string, MenuEntryDeclaration & { module: string }>()
    for (const manifest of manifests) {
      for (const entry of manifest.menu ?? []) {
        const route = routes.get(entry.route)
        if (!route)
          throw new Error(`Menu entry of ${manifest.key} names undeclared route ${entry.route}`)
        if (menuEntries.has(entry.route))
          throw new Error(`Menu entry ${entry.route} is declared twice`)
        menuEntries.set(entry.route, { ...entry, module: route.module })
      }
    }
    const notifications = new Map<string, NotificationDeclaration & { module: string }>()
    for (const manifest of manifests) {
      for (const declaration of manifest.notifications ?? []) {
        if (declaration.type.split('.')[0] !== manifest.key)
          throw new Error(`Notification ${declaration.type} is declared outside ${manifest.key}`)
        if (notifications.has(declaration.type))
          throw new Error(`Notification ${declaration.type} is declared twice`)
        if (declaration.permission && !permissions.has(declaration.permission))
          throw new Error(
            `Notification ${declaration.type} names unknown permission ${declaration.permission}`
          )
        notifications.set(declaration.type, { ...declaration, module: manifest.key })
      }
    }
    const uploads = new Map<string, UploadDeclaration>()
    for (const manifest of manifests) {
      for (const [name, declaration] of Object.entries(manifest.uploads ?? {})) {
        const route = routes.get(name)
        if (!route || route.module !== manifest.key)
          throw new Error(`Upload ${name} of ${manifest.key} names none of its routes`)
        if (!(declaration.maxBytes > 0)) throw new Error(`Upload ${name} needs a positive cap`)
        uploads.set(name, declaration)
      }
    }
    const homes = new Map<HomeDeclaration['audience'], HomeDeclaration>()
    for (const manifest of manifests) {
      if (!manifest.home) continue
      if (homes.has(manifest.home.audience))
        throw new Error(`Two modules declare the ${manifest.home.audience} home`)
      homes.set(manifest.home.audience, manifest.home)
    }
    const roleTemplates = new Map<string, RoleTemplateDeclaration & { module: string }>()
    const menuGroups = new Map<string, MenuGroupDeclaration & { module: string }>()
    for (const manifest of manifests) {
      for (const template of manifest.roleTemplates ?? []) {
        if (roleTemplates.has(template.key))
          throw new Error(`Role template ${template.key} is declared twice`)
        roleTemplates.set(template.key, { ...template, module: manifest.key })
      }
      for (const group of manifest.menuGroups ?? []) {
        if (menuGroups.has(group.id)) throw new Error(`Menu group ${group.id} is declared twice`)
        menuGroups.set(group.id, { ...group, module: manifest.key })
      }
    }
    for (const manifest of manifests) {
      for (const [template, grants] of Object.entries(manifest.roleGrants ?? {})) {
        if (!roleTemplates.has(template))
          throw new Error(`${manifest.key} grants to undeclared role template ${template}`)
        for (const grant of [grants].flat()) {
          for (const key of [...grant.permissions, ...Object.keys(grant.scopes ?? {})]) {
            if (permissions.get(key)?.module !== manifest.key)
              throw new Error(`${manifest.key} grants ${key}, which is not its own`)
          }
        }
      }
      for (const entry of manifest.menu ?? []) {
        if (entry.starts?.length && !entry.id)
          throw new Error(`Menu entry ${entry.route} starts somewhere without an id`)
        for (const start of entry.starts ?? []) {
          if (start.group && !menuGroups.has(start.group))
            throw new Error(`Menu entry ${entry.route} starts in undeclared group ${start.group}`)
          if (!entry.audiences.includes(start.audience))
            throw new Error(`Menu entry ${entry.route} starts in a menu it is not for`)
        }
      }
    }
    this.roleTemplates = roleTemplates
    this.menuGroups = menuGroups
    this.uploads = uploads
    this.homes = homes
    this.modules = modules
    this.notifications = notifications
    this.permissions = permissions
    this.routes = routes
    this.menuEntries = menuEntries
  }

  get allPermissions(): Set<string> {
    return new Set(this.permissions.keys())
  }

  /** The business modules a tenant may have switched on or off. */
  get toggleableModules(): Set<string> {
    return new Set(
      [...this.modules.values()].filter((manifest) => manifest.toggleable).map((m) => m.key)
    )
  }

  /** Whether a permission can be held with these business modules on (platform ones always). */
  permissionAvailable(key: string, enabledModules: ReadonlySet<string>): boolean {
    const module = this.permissions.get(key)?.module
    if (!module) return false
    return !this.modules.get(module)?.toggleable || enabledModules.has(module)
  }

  /** The module a named route belongs to, when it is a business module (else null). */
  toggleableModuleOf(routeName: string | undefined): string | null {
    const module = routeName ? this.routes.get(routeName)?.module : undefined
    return module && this.modules.get(module)?.toggleable ? module : null
  }

  /** The `ui` text groups a page rendered by this route receives (app/core/i18n/texts.ts). */
  pageTextGroupsOf(routeName: string | undefined): string[] {
    const module = routeName ? (this.routes.get(routeName)?.module ?? null) : null
    const key = module ?? ''
    let groups = this.#pageTextGroups.get(key)
    if (!groups) {
      groups = pageTextGroups(module, module ? this.modules.get(module)?.borrowsTexts : [])
      this.#pageTextGroups.set(key, groups)
    }
    return groups
  }

  /** Module -> the text groups its pages receive; asked on every page render. */
  readonly #pageTextGroups = new Map<string, string[]>()

  /** Keys not in the catalog, for validating roles, packages and presets. */
  unknown(keys: Iterable<string>): string[] {
    return [...keys].filter((key) => !this.permissions.has(key))
  }

  /** Keys only clients use (every scope is `companies`): no staff member ever holds them. */
  clientOnly(keys: Iterable<string>): string[] {
    return [...keys].filter((key) => {
      const scopes = this.permissions.get(key)?.scopes
      return scopes !== undefined && scopes.every((scope) => scope === 'companies')
    })
  }

  /** Keys a client role may not hold: those without the `companies` scope (staff powers). */
  staffOnly(keys: Iterable<string>): string[] {
    return [...keys].filter((key) => !this.permissions.get(key)?.scopes.includes('companies'))
  }
}

let loaded: Promise<ModuleCatalog> | undefined

/** Loads every app/<module>/module.ts once per process. */
export function moduleCatalog(): Promise<ModuleCatalog> {
  loaded ??= (async () => {
    const found = await importFromModules<{ default: ModuleManifest }>('module.ts')
    return new ModuleCatalog(found.map(({ exports }) => exports.default))
  })()
  return loaded
}
