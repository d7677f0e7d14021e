/*
 * Single-use tokens sent by mail (SECURITY A6, ASVS 7.2.3): 128 random bits, given to the
 * person once, stored only as SHA-256, bound to a purpose (and, for invitations, to an e-mail,
 * a company and a role), expiring, and spent on first use.
 */
import { createHash, randomBytes } from 'node:crypto'
import { DateTime } from 'luxon'
import UserToken from '#app/auth/models/user_token'

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
  const token = randomBytes(16).toString('base64url')
  const row = await UserToken.create({
    purpose,
    tokenHash: digest(token),
    userId: binding.userId ?? null,
    email: binding.email ?? null,
    clientId: binding.clientId ?? null,
    roleId: binding.roleId ?? null,
    payload: binding.payload ?? null,
    createdBy: binding.createdBy ?? null,
    expiresAt: DateTime.fromMillis(Date.now() + TOKEN_LIFETIME_MS[purpose]),
  })
  return { token, id: Number(row.id) }
}

/** The live token of this purpose (unused, unexpired), locked for the spending transaction. */
export async function findUsableToken(
  purpose: TokenPurpose,
  token: string
): Promise<TokenRow | null> {
  if (!/^[\w-]{16,64}$/.test(token)) return null
  const row = await UserToken.query()
    .where({ token_hash: digest(token), purpose })
    .whereNull('used_at')
    .where('expires_at', '>', new Date())
    .forUpdate()
    .first()
  return row ? tokenRow(row) : null
}

/** A token as its spenders use it (never its hash). */
function tokenRow(row: UserToken): TokenRow {
  return {
    id: row.id,
    purpose: row.purpose,
    userId: row.userId,
    email: row.email,
    clientId: row.clientId,
    roleId: row.roleId,
    payload: row.payload,
    createdBy: row.createdBy,
    expiresAt: row.expiresAt.toJSDate(),
  }
}

export async function spendToken(id: number) {
  await UserToken.query().where('id', id).update({ used_at: new Date() })
}

/** Voids the unused tokens of a purpose for a user (a new reset link replaces older ones). */
export async function voidTokens(purpose: TokenPurpose, userId: number) {
  await UserToken.query()
    .where({ purpose, user_id: userId })
    .whereNull('used_at')
    .update({ used_at: new Date() })
}
