/*
 * Single-use tokens sent by mail (SECURITY A6, ASVS 7.2.3): 128 random bits, given to the
 * person once, stored only as SHA-256, bound to a purpose (and, for invitations, to an e-mail,
 * a company and a role), expiring, and spent on first use.
 */
import { createHash, randomBytes } from 'node:crypto'
import { currentTenantScope, requireTenantId } from '#app/core/database/tenant_context'

export type TokenPurpose = 'password_reset' | 'invitation' | 'email_confirmation' | 'impersonation'

export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
  password_reset: 30 * 60 * 1000,
  invitation: 7 * 24 * 60 * 60 * 1000,
  email_confirmation: 24 * 60 * 60 * 1000,
  impersonation: 60 * 1000,
}

export interface TokenRow {
  id: number
  purpose: TokenPurpose
  userId: number | null
  email: string | null
  clientId: number | null
  roleId: number | null
  payload: Record<string, unknown> | null
  createdBy: number | null
  expiresAt: Date
}

const digest = (token: string) => createHash('sha256').update(token, 'utf8').digest()

function scope(what: string) {
  const trx = currentTenantScope()?.trx
  if (!trx) throw new Error(`${what} runs inside a tenant transaction`)
  return { trx, tenantId: requireTenantId(what) }
}

export async function issueToken(
  purpose: TokenPurpose,
  binding: {
    userId?: number | null
    email?: string | null
    clientId?: number | null
    roleId?: number | null
    payload?: Record<string, unknown>
    createdBy?: number | null
  } = {}
): Promise<{ token: string; id: number }> {
  const { trx, tenantId } = scope('issueToken')
  const token = randomBytes(16).toString('base64url')
  const [row] = await trx
    .table('user_tokens')
    .returning('id')
    .insert({
      tenant_id: tenantId,
      purpose,
      token_hash: digest(token),
      user_id: binding.userId ?? null,
      email: binding.email ?? null,
      client_id: binding.clientId ?? null,
      role_id: binding.roleId ?? null,
      payload: binding.payload ? JSON.stringify(binding.payload) : null,
      created_by: binding.createdBy ?? null,
      expires_at: new Date(Date.now() + TOKEN_LIFETIME_MS[purpose]),
    })
  return { token, id: Number(row.id) }
}

/** The live token of this purpose (unused, unexpired), locked for the spending transaction. */
export async function findUsableToken(
  purpose: TokenPurpose,
  token: string
): Promise<TokenRow | null> {
  if (!/^[\w-]{16,64}$/.test(token)) return null
  const { trx, tenantId } = scope('findUsableToken')
  const row = await trx
    .from('user_tokens')
    .where({ tenant_id: tenantId, token_hash: digest(token), purpose })
    .whereNull('used_at')
    .where('expires_at', '>', new Date())
    .forUpdate()
    .first()
  if (!row) return null
  return {
    id: Number(row.id),
    purpose: row.purpose,
    userId: row.user_id === null ? null : Number(row.user_id),
    email: row.email,
    clientId: row.client_id === null ? null : Number(row.client_id),
    roleId: row.role_id === null ? null : Number(row.role_id),
    payload: row.payload,
    createdBy: row.created_by === null ? null : Number(row.created_by),
    expiresAt: new Date(row.expires_at),
  }
}

export async function spendToken(id: number) {
  const { trx, tenantId } = scope('spendToken')
  await trx.from('user_tokens').where({ tenant_id: tenantId, id }).update({ used_at: new Date() })
}

/** Voids the unused tokens of a purpose for a user (a new reset link replaces older ones). */
export async function voidTokens(purpose: TokenPurpose, userId: number) {
  const { trx, tenantId } = scope('voidTokens')
  await trx
    .from('user_tokens')
    .where({ tenant_id: tenantId, purpose, user_id: userId })
    .whereNull('used_at')
    .update({ used_at: new Date() })
}
