/*
 * Demo data by module (issue #12 §1): the platform provisions the demo tenants and their people
 * (app/platform/demo), then runs every module's `app/<module>/demo.ts`, each seeding its own
 * records for the demo tenants that use it. Outside production only.
 */
import type { Database } from '@adonisjs/lucid/database'

export interface DemoTenantRef {
  id: number
  slug: string
  kind: string
  /** The tenant's demo administrator (staff). */
  adminId: number
  /** The demo client user, when the tenant has one. */
  clientUserId: number | null
  /** Runs `work` in this tenant's transaction (RLS scope set). */
  run<T>(work: () => Promise<T>): Promise<T>
}

export interface DemoContext {
  db: Database
  /** Demo tenants by slug (README: fuel, rail, pos, pos-east, pos-east-kiosk, repair). */
  tenants: ReadonlyMap<string, DemoTenantRef>
}

export interface DemoSeeder {
  /** Modules whose demo data this one needs first. */
  after?: string[]
  seed(context: DemoContext): Promise<void>
}

export function defineDemo(seeder: DemoSeeder): DemoSeeder {
  return seeder
}
