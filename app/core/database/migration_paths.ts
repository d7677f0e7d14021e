/*
 * Where migrations live (issue #12 §1, ADR 0022): the platform's frozen baseline in
 * database/migrations (0001–0027, hand-numbered, never added to), then each module's own
 * app/<module>/migrations with timestamped names. Lucid runs folder after folder, so modules come
 * in dependency order (`dependsOn`, ties by name): a module's tables may reference those of the
 * modules it depends on, and of the baseline.
 */
import { filesOfModules, orderByDependencies } from '#app/core/modules/discover'
import { moduleCatalog } from '#app/core/modules/registry'

export const BASELINE_MIGRATIONS = 'database/migrations'

export async function migrationPaths(): Promise<string[]> {
  const catalog = await moduleCatalog()
  const dependencies = new Map(
    filesOfModules('migrations/').map(({ module }) => [
      module,
      catalog.modules.get(module)?.dependsOn ?? [],
    ])
  )
  return [
    BASELINE_MIGRATIONS,
    ...orderByDependencies(dependencies).map((module) => `app/${module}/migrations`),
  ]
}
