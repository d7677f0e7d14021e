import type { ResolvedTenant } from '#app/tenancy/tenant_registry'

/** Whether `target` is `root` itself or one of its descendants (by ltree path). */
export function inSubtree(
  root: Pick<ResolvedTenant, 'id' | 'path'>,
  target: Pick<ResolvedTenant, 'id' | 'path'>
) {
  return target.id === root.id || target.path.startsWith(`${root.path}.`)
}
