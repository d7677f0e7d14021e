/*
 * The presets provisioning uses (issue #12 §1): a kind's declaration (tenants/<kind>/preset.ts)
 * names its business modules and role templates; each role's permissions and the starting menus
 * are composed here from what the modules declare (`roleGrants`, `menu[].starts`, `menuGroups`),
 * so a new module reaches every kind that has it without a preset being edited.
 */
import { kindDeclarations } from '#tenants/index'
import type {
  KindPresetDeclaration,
  RoleTemplate,
  TenantKind,
  TenantKindPreset,
} from '#tenants/types'
import type { ModuleCatalog } from '#app/core/modules/registry'
import { moduleCatalog } from '#app/core/modules/registry'
import type { Audience, MenuNode, MenuSet } from '#app/menus/menu_tree'
import { assertManifestIcons } from '#app/menus/icons'

/** The modules a kind has: the platform's own (always on) and the business ones it names. */
function modulesOf(declaration: KindPresetDeclaration, catalog: ModuleCatalog) {
  return [...catalog.modules.values()].filter(
    (manifest) => !manifest.toggleable || declaration.modules.includes(manifest.key)
  )
}

function composeRoles(declaration: KindPresetDeclaration, catalog: ModuleCatalog): RoleTemplate[] {
  const modules = modulesOf(declaration, catalog)
  return declaration.roles.map((key) => {
    const template = catalog.roleTemplates.get(key)
    if (!template) throw new Error(`Kind ${declaration.kind} names unknown role template ${key}`)
    const permissions: string[] = []
    const scopes: Record<string, 'own' | 'subtree'> = {}
    for (const manifest of modules) {
      for (const grant of [manifest.roleGrants?.[key] ?? []].flat()) {
        if (grant.kinds && !grant.kinds.includes(declaration.kind)) continue
        for (const permission of grant.permissions) {
          if (!permissions.includes(permission)) permissions.push(permission)
        }
        Object.assign(scopes, grant.scopes)
      }
    }
    const role: RoleTemplate = {
      key,
      name: template.name,
      audience: template.audience,
      permissions,
    }
    if (Object.keys(scopes).length > 0) role.scopes = scopes
    return role
  })
}

function composeMenus(declaration: KindPresetDeclaration, catalog: ModuleCatalog): MenuSet {
  assertManifestIcons(catalog)
  const where = declaration.kind === 'platform' ? 'platform' : 'agents'
  const available = new Set(modulesOf(declaration, catalog).map((manifest) => manifest.key))
  const menus: MenuSet = { staff: [], client: [] }
  for (const audience of ['staff', 'client'] as Audience[]) {
    const placed: Array<{ order: number; group?: string; node: MenuNode }> = []
    for (const entry of catalog.menuEntries.values()) {
      if (!available.has(entry.module)) continue
      for (const start of entry.starts ?? []) {
        if (start.in !== where || start.audience !== audience) continue
        placed.push({
          order: start.order,
          group: start.group,
          node: { id: entry.id!, kind: 'page', label: {}, icon: null, route: entry.route },
        })
      }
    }
    const byOrder = (a: { order: number }, b: { order: number }) => a.order - b.order
    const top = placed.filter((item) => !item.group)
    for (const group of catalog.menuGroups.values()) {
      if (!available.has(group.module)) continue
      const start = group.starts.find((s) => s.in === where && s.audience === audience)
      const children = placed.filter((item) => item.group === group.id).sort(byOrder)
      if (!start || children.length === 0) continue
      top.push({
        order: start.order,
        node: {
          id: group.id,
          kind: 'group',
          label: group.label,
          icon: group.icon,
          children: children.map((item) => item.node),
        },
      })
    }
    menus[audience] = top.sort(byOrder).map((item) => item.node)
  }
  return menus
}

export function composePreset(
  declaration: KindPresetDeclaration,
  catalog: ModuleCatalog
): TenantKindPreset {
  return {
    ...declaration,
    roles: composeRoles(declaration, catalog),
    menus: composeMenus(declaration, catalog),
  }
}

let composed: Promise<Record<TenantKind, TenantKindPreset>> | undefined

/** Every kind's preset, composed once per process. */
export function kindPresets(): Promise<Record<TenantKind, TenantKindPreset>> {
  composed ??= moduleCatalog().then(
    (catalog) =>
      Object.fromEntries(
        Object.entries(kindDeclarations).map(([kind, declaration]) => [
          kind,
          composePreset(declaration, catalog),
        ])
      ) as Record<TenantKind, TenantKindPreset>
  )
  return composed
}
