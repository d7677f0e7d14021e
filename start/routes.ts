/*
 * Routes compose from the modules: every app/<module>/routes.ts is loaded, so adding a
 * module never edits a central list.
 */
import { importFromModules } from '#app/core/modules/discover'

await importFromModules('routes.ts')
