/*
 * Module resolution for running from source, registered before anything else loads:
 *  - "#..." subpath imports are resolved against the package.json nearest to the importing
 *    file (@poppinss/ts-exec applies the project's map to every package, and resolves the
 *    result relative to the importer); for our own sources the target's .ts file is used;
 *  - explicit `.ts` specifiers are accepted (ts-exec refuses them; the framework's config
 *    loader uses them).
 * Targets are handed on as absolute URLs, so ts-exec still compiles what it should.
 */
import { registerHooks } from 'node:module'
import { existsSync, readFileSync } from 'node:fs'
import { resolveImports } from 'resolve-pkg-maps'

const packageImports = new Map()

function nearestImports(parentURL) {
  let dir = new URL('./', parentURL)
  while (true) {
    const key = dir.href
    if (!packageImports.has(key)) {
      const file = new URL('package.json', dir)
      packageImports.set(
        key,
        existsSync(file)
          ? { dir, imports: JSON.parse(readFileSync(file, 'utf8')).imports ?? null }
          : undefined
      )
    }
    const found = packageImports.get(key)
    if (found) return found
    const parent = new URL('../', dir)
    if (parent.href === dir.href) return null
    dir = parent
  }
}

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier.startsWith('#') && context.parentURL?.startsWith('file:')) {
      const pkg = nearestImports(context.parentURL)
      if (pkg?.imports) {
        const [target] = resolveImports(pkg.imports, specifier, [...(context.conditions ?? [])])
        if (target?.startsWith('./')) {
          const resolved = new URL(target, pkg.dir)
          const source = new URL(resolved.href.replace(/\.js$/, '.ts'))
          // ts-exec maps a missing .js to its .ts source; an existing .js is used as is.
          void source
          return nextResolve(resolved.href, context)
        }
        if (target) return nextResolve(target, context)
      }
    }
    if (/\.ts$/.test(specifier) && /^(\.{1,2}\/|\/|file:)/.test(specifier) && context.parentURL) {
      const source = new URL(specifier, context.parentURL)
      if (existsSync(source)) return nextResolve(source.href.replace(/\.ts$/, '.js'), context)
    }
    return nextResolve(specifier, context)
  },
})
