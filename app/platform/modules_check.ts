/*
 * `node ace modules:check` (issue #12 §1): a module is one folder. Fails when
 *  - a central file (the ground floor, the kernel, config, the shell of the front end) names a
 *    business module: imports its code or spells its key;
 *  - something a module owns is declared outside it: a page type, a job, a provider;
 *  - a page is not where its name says (inertia/pages/<module>/<resource>/<view>.vue, rendered
 *    by app/<module>), declares its props by hand instead of importing them from its module's
 *    pages.ts, or a pages.ts imports code a browser bundle must not see;
 *  - a tenant table a module creates (`createTenantTable`) has no TenantModel in the module's
 *    models/ (ADR 0023: tenant data is read through its model, the tenant filter by construction).
 * The other rules of the module system are checked where modules load (the registry refuses a
 * permission, route, notification, text group or grant declared outside its module).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

export interface ModuleProblem {
  file: string
  problem: string
}

/** Files that belong to no module: what adding one must never make anyone edit. */
const CENTRAL = [
  'app/core',
  'app/middleware',
  'app/exceptions',
  'start',
  'config',
  'providers',
  'commands',
  'adonisrc.ts',
  'package.json',
  'inertia/app.ts',
  'inertia/layouts',
  'inertia/composables',
  'inertia/components/ui',
  'inertia/types.ts',
]

function filesUnder(root: string, path: string): string[] {
  const full = join(root, path)
  if (!existsSync(full)) return []
  if (!statSync(full).isDirectory()) return /\.(ts|js|vue|json)$/.test(path) ? [path] : []
  return readdirSync(full).flatMap((name) => filesUnder(root, `${path}/${name}`))
}

const withoutComments = (source: string) =>
  source.replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$|<!--[\s\S]*?-->/gm, '')

export function checkModules(root: string, businessModules: string[]): ModuleProblem[] {
  const problems: ModuleProblem[] = []
  for (const file of CENTRAL.flatMap((path) => filesUnder(root, path))) {
    const source = withoutComments(readFileSync(join(root, file), 'utf8'))
    for (const module of businessModules) {
      if (new RegExp(`(#app/|app/|pages/)${module}/`).test(source)) {
        problems.push({ file, problem: `imports from the ${module} module` })
      } else if (new RegExp(`['"\`]${module}(?:\\.[a-z_.]+)?['"\`]`).test(source)) {
        problems.push({ file, problem: `names the ${module} module` })
      }
    }
  }
  const appDir = join(root, 'app')
  for (const module of readdirSync(appDir).filter((name) =>
    existsSync(join(appDir, name, 'module.ts'))
  )) {
    const pagesFile = join(appDir, module, 'pages.ts')
    const declaredPages = existsSync(pagesFile)
      ? new Set(
          [...readFileSync(pagesFile, 'utf8').matchAll(/^\s{4}'([^']+)':/gm)].map((m) => m[1])
        )
      : new Set<string>()
    for (const file of filesUnder(root, `app/${module}`)) {
      const source = withoutComments(readFileSync(join(root, file), 'utf8'))
      for (const [, page] of source.matchAll(/inertia\.render\(\s*'([^']+)'/g)) {
        if (page.split('/')[0] !== module || page.split('/').length !== 3) {
          problems.push({
            file,
            problem: `renders ${page}: its pages are named ${module}/<resource>/<view>`,
          })
        } else if (!declaredPages.has(page)) {
          problems.push({
            file,
            problem: `renders ${page}, whose props app/${module}/pages.ts does not declare`,
          })
        }
      }
      for (const [, name] of source.matchAll(/defineJob(?:<[^>]*>)?\(\{\s*name:\s*'([^']+)'/g)) {
        if (name.split('.')[0] !== module) {
          problems.push({
            file,
            problem: `defines job ${name} outside module ${name.split('.')[0]}`,
          })
        }
      }
    }
    const models = filesUnder(root, `app/${module}/models`)
      .map((file) => readFileSync(join(root, file), 'utf8'))
      .filter((source) => /extends TenantModel\b/.test(source))
    for (const file of filesUnder(root, `app/${module}/migrations`)) {
      const source = withoutComments(readFileSync(join(root, file), 'utf8'))
      for (const [, table] of source.matchAll(/createTenantTable\(\s*\w+,\s*'([^']+)'/g)) {
        if (!models.some((model) => model.includes(`static table = '${table}'`))) {
          problems.push({
            file,
            problem: `creates tenant table ${table} without a TenantModel (static table = '${table}') in app/${module}/models`,
          })
        }
      }
    }
    if (existsSync(pagesFile)) {
      const source = withoutComments(readFileSync(pagesFile, 'utf8'))
      for (const [, from] of source.matchAll(/from '([^']+)'/g)) {
        if (!PAGES_MAY_IMPORT.some((allowed) => allowed.test(from))) {
          problems.push({
            file: `app/${module}/pages.ts`,
            problem: `imports ${from}: page prop types import only types (other pages.ts, locales)`,
          })
        }
      }
    }
  }
  for (const file of filesUnder(root, 'inertia/components')) {
    const [, , folder] = file.split('/')
    if (
      file.split('/').length !== 4 ||
      (folder !== 'ui' && !existsSync(join(appDir, folder, 'module.ts')))
    ) {
      problems.push({ file, problem: 'components live in inertia/components/{ui,<module>}/' })
    }
  }
  for (const file of filesUnder(root, 'inertia/pages')) {
    const [, , module] = file.split('/')
    if (file.split('/').length !== 5 || !existsSync(join(appDir, module, 'module.ts'))) {
      problems.push({ file, problem: 'pages live in inertia/pages/<module>/<resource>/<view>.vue' })
      continue
    }
    const source = withoutComments(readFileSync(join(root, file), 'utf8'))
    if (/defineProps<\s*\{/.test(source)) {
      problems.push({
        file,
        problem: `declares its props by hand: import them from app/${module}/pages.ts`,
      })
    }
  }
  return problems
}

/** What a pages.ts may import: the browser's type check reads it, so nothing with code. */
const PAGES_MAY_IMPORT = [
  /^#app\/[a-z_]+\/pages$/,
  /^#app\/core\/i18n\/locales$/,
  /^#app\/core\/http\/page_props$/,
  /^@adonisjs\/inertia\/types$/,
]
