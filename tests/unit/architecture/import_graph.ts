/*
 * The product's import graph, read from the sources as text (static, dynamic and type imports
 * alike): what the architecture tests hold against ARCHITECTURE §3. Test files are not part of
 * the product and are left out.
 */
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

export const ROOT = resolve(import.meta.dirname, '../../..')
const PRODUCT_DIRS = [
  'app',
  'bin',
  'commands',
  'config',
  'database',
  'providers',
  'start',
  'tenants',
]
const IMPORT = [
  /\b(?:import|export)\s+(?:type\s+)?[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
  /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  /^\s*import\s+['"]([^'"]+)['"]/gm,
]

function sourcesUnder(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourcesUnder(path)
    return /\.(ts|js)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : []
  })
}

const aliases = Object.entries(
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).imports as Record<string, string>
).map(([pattern, target]) => ({
  prefix: pattern.replace(/\*$/, ''),
  target: target.replace(/\*\.js$/, ''),
}))

function asFile(path: string): string | null {
  const candidates = [path, path.replace(/\.js$/, '.ts'), `${path}.ts`, join(path, 'index.ts')]
  return candidates.find((file) => existsSync(file) && statSync(file).isFile()) ?? null
}

/** The product file a specifier names, or null for a package or a file outside the product. */
function resolveSpecifier(from: string, specifier: string): string | null {
  if (specifier.startsWith('.')) return asFile(resolve(dirname(from), specifier))
  const alias = aliases.find((entry) => specifier.startsWith(entry.prefix))
  if (!alias) return null
  return asFile(join(ROOT, alias.target, specifier.slice(alias.prefix.length)))
}

export interface ImportGraph {
  /** Repository-relative path -> the product files it imports. */
  edges: Map<string, Set<string>>
}

export function readImportGraph(): ImportGraph {
  const files = PRODUCT_DIRS.flatMap((dir) => sourcesUnder(join(ROOT, dir)))
  const edges = new Map<string, Set<string>>()
  for (const file of files) {
    const source = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '')
    const targets = new Set<string>()
    for (const pattern of IMPORT) {
      for (const match of source.matchAll(pattern)) {
        const target = resolveSpecifier(file, match[1])
        if (target && target !== file) targets.add(relative(ROOT, target))
      }
    }
    edges.set(relative(ROOT, file), targets)
  }
  return { edges }
}

/** The module (or top folder) a file lives in: `app/clients/x.ts` -> `app/clients`. */
export function roomOf(file: string): string {
  const parts = file.split('/')
  return parts[0] === 'app' && parts.length > 2 ? `app/${parts[1]}` : parts[0]
}

/** Strongly connected groups of more than one file (Tarjan): each one is a circle of imports. */
export function circles(edges: Map<string, Set<string>>): string[][] {
  let counter = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const found: string[][] = []
  const visit = (node: string) => {
    index.set(node, counter)
    low.set(node, counter++)
    stack.push(node)
    onStack.add(node)
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next)
        low.set(node, Math.min(low.get(node)!, low.get(next)!))
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!))
      }
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = []
      let member: string
      do {
        member = stack.pop()!
        onStack.delete(member)
        group.push(member)
      } while (member !== node)
      if (group.length > 1) found.push(group.sort())
    }
  }
  for (const node of edges.keys()) if (!index.has(node)) visit(node)
  return found
}
