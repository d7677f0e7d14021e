/*
 * Where migrations live (issue #12 §1, ADR 0022): the platform's frozen baseline in
 * database/migrations (0001–0027, hand-numbered, never added to), then each module's own
 * app/<module>/migrations with timestamped names. Lucid runs folder after folder, so modules come
 * in dependency order (`dependsOn`, ties by name): a module's tables may reference those of the
 * modules it depends on, and of the baseline.
 */
import { filesOfModules } from '#app/core/modules/discover'

export const BASELINE_MIGRATIONS = 'database/migrations'

/** `name` -> what it depends on, for the modules that have a migrations folder. */
export function orderByDependencies(dependencies: Map<string, string[]>): string[] {
  const ordered: string[] = []
  const visiting = new Set<string>()
  const visit = (name: string) => {
    if (ordered.includes(name)) return
    if (visiting.has(name)) throw new Error(`Modules depend on each other in a circle at ${name}`)
    visiting.add(name)
    for (const dependency of [...(dependencies.get(name) ?? [])].sort()) {
      if (dependencies.has(dependency)) visit(dependency)
    }
    visiting.delete(name)
    ordered.push(name)
  }
  for (const name of [...dependencies.keys()].sort()) visit(name)
  return ordered
}

export async function migrationPaths(): Promise<string[]> {
  const dependencies = new Map<string, string[]>()
  for (const { module } of filesOfModules('migrations/')) {
    const manifest = filesOfModules('module.ts').find((entry) => entry.module === module)
    const declared = manifest
      ? ((await import(manifest.url.href)) as { default: { dependsOn?: string[] } }).default
      : {}
    dependencies.set(module, declared.dependsOn ?? [])
  }
  return [
    BASELINE_MIGRATIONS,
    ...orderByDependencies(dependencies).map((module) => `app/${module}/migrations`),
  ]
}
