import { BaseSchema } from '@adonisjs/lucid/schema'
import { getConstructionPlans } from 'pg-boss'
import { tenantIsolationSql } from '#app/core/database/tenant_isolation'
import { grantAlongside } from '#app/access/grant_alongside'
import { RUNTIME_ROLE } from '../../bin/provision_database.ts'

/*
 * Background jobs (issue #4 §7). pg-boss keeps its queue in its own schema, created here by the
 * owner role; the runtime role gets only what pg-boss does at run time (rows, its functions),
 * never DDL, so it still owns nothing. Job payloads carry a tenant id and row ids, never client
 * data: the queue schema is outside the tenant wall by design (ADR 0016).
 *
 * `job_failures` is the dead-letter store staff see: one row per job that used up its retries,
 * under the tenant wall like any tenant table.
 */
export const JOB_SCHEMA = 'pgboss'

export default class extends BaseSchema {
  protected tableName = 'job_failures'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id', { primaryKey: false })
      table.bigInteger('tenant_id').notNullable().references('id').inTable('tenants')
      table.text('queue').notNullable()
      table.text('job_id').notNullable()
      table.jsonb('payload').notNullable()
      table.text('error').notNullable()
      table.integer('attempts').notNullable()
      table.timestamp('failed_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('retried_at', { useTz: true }).nullable()
      table.bigInteger('retried_by').nullable()
      table.primary(['tenant_id', 'id'])
      table.unique(['tenant_id', 'job_id'])
      table.index(['tenant_id', 'failed_at'])
    })
    this.defer(async (db) => {
      for (const sql of tenantIsolationSql(this.tableName)) await db.rawQuery(sql)
      const exists = await db.rawQuery(
        `select 1 from information_schema.schemata where schema_name = ?`,
        [JOB_SCHEMA]
      )
      if (exists.rows.length === 0) await db.rawQuery(getConstructionPlans(JOB_SCHEMA))
      const role = await db.rawQuery(`select 1 from pg_roles where rolname = ?`, [RUNTIME_ROLE])
      if (role.rows.length) {
        await db.rawQuery(`grant usage on schema ${JOB_SCHEMA} to ${RUNTIME_ROLE}`)
        await db.rawQuery(
          `grant select, insert, update, delete on all tables in schema ${JOB_SCHEMA} to ${RUNTIME_ROLE}`
        )
        await db.rawQuery(
          `grant usage, select on all sequences in schema ${JOB_SCHEMA} to ${RUNTIME_ROLE}`
        )
        await db.rawQuery(
          `grant execute on all functions in schema ${JOB_SCHEMA} to ${RUNTIME_ROLE}`
        )
      }
      await grantAlongside(db, 'jobs.failures.manage', 'access.audit.view')
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
    this.defer(async (db) => {
      await db.rawQuery(`drop schema if exists ${JOB_SCHEMA} cascade`)
    })
  }
}
