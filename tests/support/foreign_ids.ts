/*
 * The isolation sweep's fixtures (issue #12 §1): each module says, in
 * tests/functional/<module>/foreign_ids.ts, which rows of *other* tenants its `:id` routes take,
 * and what must still hold after the sweep tried them all. The sweep (http/route_access.spec.ts)
 * finds every fixture and fails for an `:id` route no fixture covers.
 */
import { existsSync, readdirSync } from 'node:fs'

export interface SweepContext {
  /** Tenants outside the sweeping admin's subtree (fuel's), up to 20. */
  others: Array<{ id: number }>
}

export interface ForeignIdFixture {
  /** Route name -> ids of other tenants' rows, each of which must answer 404. */
  ids(context: SweepContext): Promise<Record<string, Array<{ id: number }>>>
  /** After the sweep: nothing the requests could have changed has changed. */
  untouched?(context: SweepContext): Promise<void>
}

export function defineForeignIds(fixture: ForeignIdFixture): ForeignIdFixture {
  return fixture
}

const FUNCTIONAL = new URL('../functional/', import.meta.url)

/** Every module's fixture, by module (the folder name under tests/functional). */
export async function foreignIdFixtures(): Promise<Map<string, ForeignIdFixture>> {
  const found = new Map<string, ForeignIdFixture>()
  for (const entry of readdirSync(FUNCTIONAL, { withFileTypes: true })) {
    const file = new URL(`${entry.name}/foreign_ids.ts`, FUNCTIONAL)
    if (!entry.isDirectory() || !existsSync(file)) continue
    found.set(entry.name, ((await import(file.href)) as { default: ForeignIdFixture }).default)
  }
  return found
}
