/*
 * A module declares itself in `app/<module>/module.ts`: its key, what it depends on and the
 * permissions it brings. The platform composes these (app/core/modules/registry.ts); nothing
 * keeps a central hand-edited list.
 */
import type { Translated } from '#tenants/types'

/** own: the actor's tenant; subtree: its descendants too; companies: a client's companies. */
export type GrantScope = 'own' | 'subtree' | 'companies'

export interface PermissionDeclaration {
  /** `module.resource.action`, the module part equal to the manifest's key. */
  key: string
  label: Translated
  scopes: GrantScope[]
}

export interface ModuleManifest {
  key: string
  label: Translated
  dependsOn?: string[]
  permissions: PermissionDeclaration[]
}

export function defineModule(manifest: ModuleManifest): ModuleManifest {
  return manifest
}
