/*
 * Convention over central lists (issue #12 §1): a module owns a file by putting it at a known
 * name in its folder (`routes.ts`, `module.ts`, `jobs.ts`, …) and the platform finds it here.
 */
import { existsSync, readdirSync } from 'node:fs'

const APP_DIR = new URL('../../', import.meta.url)

/** `app/<module>/<file>` of every module that has one, in a stable order. */
export function filesOfModules(file: string): Array<{ module: string; url: URL }> {
  return readdirSync(APP_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({ module: entry.name, url: new URL(`${entry.name}/${file}`, APP_DIR) }))
    .filter(({ url }) => existsSync(url))
    .sort((a, b) => a.module.localeCompare(b.module))
}

/** Imports `app/<module>/<file>` of every module that has one. */
export async function importFromModules<T = unknown>(
  file: string
): Promise<Array<{ module: string; exports: T }>> {
  const found: Array<{ module: string; exports: T }> = []
  for (const { module, url } of filesOfModules(file)) {
    found.push({ module, exports: (await import(url.href)) as T })
  }
  return found
}

/** Names in an order where each comes after what it depends on (ties by name); refuses a circle. */
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
