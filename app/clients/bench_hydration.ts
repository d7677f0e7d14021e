/*
 * `npm run bench` (BENCH_ROUTES=true only), for ADR 0023: what reading a hot list costs by each
 * way tenant data can be read — Lucid models, the same tenant-filtered model query as plain
 * objects (`pojo()`), and a plain query builder. The rows are made inside a transaction that is
 * rolled back, so the demo data stays as it is. Timed in the server, each way alternately.
 */
import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { runInTenant } from '#app/core/database/tenant_context'
import Client from '#app/clients/models/client'

class RolledBack extends Error {
  constructor(readonly result: unknown) {
    super('rolled back on purpose')
  }
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

export default class HydrationBench {
  async handle({ tenant, request }: HttpContext) {
    const rows = Math.min(Number(request.input('rows', 1000)), 10_000)
    const rounds = Math.min(Number(request.input('rounds', 30)), 200)
    try {
      await runInTenant(db, tenant.id, async () => {
        await db.rawQuery(
          `insert into clients (tenant_id, type, name, inn)
         select ?, 'ru_company', 'Bench ' || n, null from generate_series(1, ?) n`,
          [tenant.id, rows]
        )
        const ways = {
          'Lucid models': () => Client.query().orderBy('id').limit(rows),
          'model query, pojo()': () => Client.query().orderBy('id').limit(rows).pojo(),
          'plain query builder': () =>
            db.from('clients').where('tenant_id', tenant.id).orderBy('id').limit(rows),
        }
        const timings: Record<string, number[]> = Object.fromEntries(
          Object.keys(ways).map((name) => [name, []])
        )
        for (let round = 0; round < rounds; round++) {
          for (const [name, read] of Object.entries(ways)) {
            const started = performance.now()
            const result = await read()
            timings[name].push(performance.now() - started)
            if (result.length < rows) throw new Error(`${name} read ${result.length} rows`)
          }
        }
        throw new RolledBack(
          Object.fromEntries(
            Object.entries(timings).map(([name, values]) => [name, median(values)])
          )
        )
      })
    } catch (error) {
      if (error instanceof RolledBack) return { rows, rounds, medianMs: error.result }
      throw error
    }
  }
}
