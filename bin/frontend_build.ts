/*
 * `npm start` serves built assets. Build them when missing or older than any source under
 * inertia/ (or the Vite config), so a fresh clone needs no separate build step.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../', import.meta.url))
const manifest = join(root, 'public/assets/.vite/manifest.json')

function newestMtime(path: string): number {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(path).reduce(
    (newest, entry) => Math.max(newest, newestMtime(join(path, entry))),
    0
  )
}

export function frontendIsStale(): boolean {
  if (!existsSync(manifest)) return true
  const sources = Math.max(
    newestMtime(join(root, 'inertia')),
    newestMtime(join(root, 'vite.config.ts')),
    newestMtime(join(root, 'package.json'))
  )
  return sources > statSync(manifest).mtimeMs
}

export async function ensureFrontendBuilt() {
  if (!frontendIsStale()) return
  console.log('Building the front end (first start or sources changed)...')
  // A child process: Vite bundles its own config and needs none of our loader hooks.
  const result = spawnSync(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    }
  )
  if (result.status !== 0) throw new Error('The front-end build failed (see above)')
}
