/*
 * Routes compose from the modules: every app/<module>/routes.ts is loaded, so adding a
 * module never edits a central list.
 */
import { readdirSync, existsSync } from 'node:fs'

const appDir = new URL('../app/', import.meta.url)
const modules = readdirSync(appDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .filter((name) => existsSync(new URL(`${name}/routes.ts`, appDir)))
  .sort()

for (const name of modules) {
  await import(new URL(`${name}/routes.ts`, appDir).href)
}
