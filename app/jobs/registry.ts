/*
 * Every job and schedule the worker runs: each module declares its own in app/<module>/jobs.ts
 * (importing a job module defines it), so adding one never edits a central list.
 */
import { importFromModules } from '#app/core/modules/discover'

await importFromModules('jobs.ts')
