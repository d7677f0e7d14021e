import { BaseSchema } from '@adonisjs/lucid/schema'
import { tenantIsolationSql } from '#app/core/database/tenant_isolation'

/*
 * Account security (issue #3): sessions a user can list and end, single-use tokens (password
 * reset, invitation, e-mail confirmation, impersonation) stored only as SHA-256, phone codes,
 * TOTP with single-use recovery codes, and the requests of people waiting to be linked to a
 * client. All tenant-owned, behind RLS.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('users', (table) => {
      table.text('phone').nullable()
      table.timestamp('email_verified_at', { useTz: true }).nullable()
      table.timestamp('phone_verified_at', { useTz: true }).nullable()
      // Encrypted with the app's encryption (never stored in clear, SECURITY S1).
      table.text('totp_secret').nullable()
      table.timestamp('totp_enabled_at', { useTz: true }).nullable()
      // The last accepted time step: a code is never accepted twice (RFC 6238 §5.2).
      table.bigInteger('totp_last_step').nullable()
      table.timestamp('password_changed_at', { useTz: true }).nullable()
    })
    this.schema.alterTable('tenants', (table) => {
      table.boolean('staff_two_factor_required').notNullable().defaultTo(false)
    })

    this.schema.createTable('user_sessions', (table) => {
      table.bigInteger('tenant_id').notNullable().references('id').inTable('tenants')
      // Random 128-bit reference kept in the session; not the session id itself.
      table.text('id').notNullable()
      table.bigInteger('user_id').notNullable()
      table.bigInteger('impersonator_user_id').nullable()
      table.text('ip').nullable()
      table.text('user_agent').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('last_seen_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('revoked_at', { useTz: true }).nullable()
      table.primary(['tenant_id', 'id'])
      table.index(['tenant_id', 'user_id'])
      table
        .foreign(['tenant_id', 'user_id'])
        .references(['tenant_id', 'id'])
        .inTable('users')
        .onDelete('cascade')
    })

    this.schema.createTable('user_tokens', (table) => {
      table.bigIncrements('id', { primaryKey: false })
      table.bigInteger('tenant_id').notNullable().references('id').inTable('tenants')
      table.text('purpose').notNullable()
      // SHA-256 of the 128-bit token: a database leak yields no usable link.
      table.binary('token_hash').notNullable()
      table.bigInteger('user_id').nullable()
      table.specificType('email', 'citext').nullable()
      table.bigInteger('client_id').nullable()
      table.bigInteger('role_id').nullable()
      table.jsonb('payload').nullable()
      table.bigInteger('created_by').nullable()
      table.timestamp('expires_at', { useTz: true }).notNullable()
      table.timestamp('used_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.primary(['tenant_id', 'id'])
      table.unique(['tenant_id', 'token_hash'])
      table.index(['tenant_id', 'user_id', 'purpose'])
    })

    this.schema.createTable('phone_codes', (table) => {
      table.bigIncrements('id', { primaryKey: false })
      table.bigInteger('tenant_id').notNullable().references('id').inTable('tenants')
      table.bigInteger('user_id').notNullable()
      table.text('phone').notNullable()
      table.binary('code_hash').notNullable()
      table.integer('attempts').notNullable().defaultTo(0)
      table.timestamp('expires_at', { useTz: true }).notNullable()
      table.timestamp('used_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.primary(['tenant_id', 'id'])
      table.index(['tenant_id', 'user_id'])
      table
        .foreign(['tenant_id', 'user_id'])
        .references(['tenant_id', 'id'])
        .inTable('users')
        .onDelete('cascade')
    })

    this.schema.createTable('recovery_codes', (table) => {
      table.bigInteger('tenant_id').notNullable().references('id').inTable('tenants')
      table.bigInteger('user_id').notNullable()
      table.binary('code_hash').notNullable()
      table.timestamp('used_at', { useTz: true }).nullable()
      table.primary(['tenant_id', 'user_id', 'code_hash'])
      table
        .foreign(['tenant_id', 'user_id'])
        .references(['tenant_id', 'id'])
        .inTable('users')
        .onDelete('cascade')
    })

    this.schema.createTable('link_requests', (table) => {
      table.bigIncrements('id', { primaryKey: false })
      table.bigInteger('tenant_id').notNullable().references('id').inTable('tenants')
      table.bigInteger('user_id').notNullable()
      // The company as the person typed it (validated like a client); staff decide.
      table.jsonb('company').notNullable()
      table.text('status').notNullable().defaultTo('pending')
      table.bigInteger('client_id').nullable()
      table.bigInteger('decided_by').nullable()
      table.timestamp('decided_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.primary(['tenant_id', 'id'])
      table.index(['tenant_id', 'status'])
      table
        .foreign(['tenant_id', 'user_id'])
        .references(['tenant_id', 'id'])
        .inTable('users')
        .onDelete('cascade')
    })

    this.defer(async (db) => {
      for (const table of [
        'user_sessions',
        'user_tokens',
        'phone_codes',
        'recovery_codes',
        'link_requests',
      ]) {
        for (const sql of tenantIsolationSql(table)) await db.rawQuery(sql)
      }
      await db.rawQuery(
        `alter table users add constraint users_status_check
           check (status in ('active', 'disabled', 'pending'))`
      )
      await db.rawQuery(
        `alter table user_tokens add constraint user_tokens_purpose_check
           check (purpose in ('password_reset', 'invitation', 'email_confirmation', 'impersonation'))`
      )
      await db.rawQuery(
        `alter table link_requests add constraint link_requests_status_check
           check (status in ('pending', 'approved', 'rejected'))`
      )
    })
  }

  async down() {
    for (const table of [
      'link_requests',
      'recovery_codes',
      'phone_codes',
      'user_tokens',
      'user_sessions',
    ]) {
      this.schema.dropTable(table)
    }
    this.schema.alterTable('tenants', (table) => table.dropColumn('staff_two_factor_required'))
    this.schema.alterTable('users', (table) => {
      for (const column of [
        'phone',
        'email_verified_at',
        'phone_verified_at',
        'totp_secret',
        'totp_enabled_at',
        'totp_last_step',
        'password_changed_at',
      ]) {
        table.dropColumn(column)
      }
    })
  }
}
