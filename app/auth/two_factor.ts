/*
 * TOTP second factor (SECURITY A5, RFC 6238): 160-bit secrets from a CSPRNG, stored encrypted;
 * 30-second steps with at most one step of drift; a code is never accepted twice (the last
 * accepted step is kept); 10 single-use recovery codes stored as SHA-256.
 */
import { createHash, randomBytes } from 'node:crypto'
import encryption from '@adonisjs/core/services/encryption'
import { generateSecret, generateURI, verify } from 'otplib'
import QRCode from 'qrcode'
import { clock } from '#app/core/clock'
import { KeyRing } from '#app/vault/key_ring'
import { vaultKeyRing } from '#app/vault/vault'
import { currentTenantScope, requireTenantId } from '#app/core/database/tenant_context'
import type User from '#app/auth/models/user'
import RecoveryCode from '#app/auth/models/recovery_code'
import { secretChecked } from '#app/auth/secret_checks'

export const TOTP_PERIOD_S = 30
const RECOVERY_CODES = 10

export function newTotpSecret() {
  return generateSecret({ length: 20 })
}

/** Whose secret it is: sealed for that user of that tenant only (SECURITY S1). */
export interface SecretOwner {
  tenantId: number
  userId: number
}

const bindingOf = (owner: SecretOwner) => ({
  tenantId: owner.tenantId,
  provider: 'totp',
  field: `user:${owner.userId}`,
})

/*
 * Sealed with the credential key ring (VAULT_KEYS) when the operator has one, bound to its
 * owner; otherwise, and for secrets sealed before the key ring existed, with app encryption.
 */
export function sealSecret(secret: string, owner: SecretOwner) {
  const ring = vaultKeyRing()
  return ring ? ring.seal(secret, bindingOf(owner)) : encryption.encrypt(secret, undefined, 'totp')
}

export function openSecret(sealed: string, owner: SecretOwner): string | null {
  if (KeyRing.keyIdOf(sealed)) {
    try {
      return vaultKeyRing()?.open(sealed, bindingOf(owner)) ?? null
    } catch {
      return null
    }
  }
  return encryption.decrypt<string>(sealed, 'totp')
}

export async function enrolment(secret: string, account: string, issuer: string) {
  const uri = generateURI({ issuer, label: account, secret, period: TOTP_PERIOD_S })
  return { uri, secret, qrSvg: await QRCode.toString(uri, { type: 'svg', margin: 1 }) }
}

/** The time step a code matches (one step of drift either way), or null. */
export async function matchingStep(
  secret: string,
  code: string,
  afterStep: number | null
): Promise<number | null> {
  const token = code.replace(/\s/g, '')
  if (!/^\d{6}$/.test(token)) return null
  const result = await verify({
    secret,
    token,
    epoch: Math.floor(clock.now() / 1000),
    epochTolerance: TOTP_PERIOD_S,
    period: TOTP_PERIOD_S,
    ...(afterStep === null ? {} : { afterTimeStep: afterStep }),
  })
  return result.valid && 'timeStep' in result ? result.timeStep : null
}

/** Checks a code for a user with 2FA on; a match moves the replay guard forward. */
export async function verifyUserCode(user: User, code: string): Promise<boolean> {
  if (!user.totpSecret || !user.totpEnabledAt) return false
  const secret = openSecret(user.totpSecret, { tenantId: user.tenantId, userId: user.id })
  if (!secret) return false
  secretChecked({ kind: 'totp', userId: user.id })
  const step = await matchingStep(secret, code, user.totpLastStep)
  if (step === null) return false
  user.totpLastStep = step
  await user.save()
  return true
}

const digest = (code: string) =>
  createHash('sha256').update(code.replace(/[\s-]/g, '').toLowerCase()).digest()

/** Replaces a user's recovery codes; returns them, to be shown once. */
export async function issueRecoveryCodes(userId: number): Promise<string[]> {
  await RecoveryCode.query().where('user_id', userId).delete()
  const codes = Array.from({ length: RECOVERY_CODES }, () => {
    const raw = randomBytes(8).toString('hex')
    return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8, 12)}-${raw.slice(12)}`
  })
  // One statement for all ten (createMany would insert them one by one), in the current tenant.
  const tenantId = requireTenantId('issueRecoveryCodes')
  await currentTenantScope()!
    .trx.table('recovery_codes')
    .multiInsert(
      codes.map((code) => ({ tenant_id: tenantId, user_id: userId, code_hash: digest(code) }))
    )
  return codes
}

/** Spends a recovery code; false when unknown or already used. */
export async function useRecoveryCode(userId: number, code: string): Promise<boolean> {
  secretChecked({ kind: 'recovery_code', userId })
  const [updated] = (await RecoveryCode.query()
    .where({ user_id: userId, code_hash: digest(code) })
    .whereNull('used_at')
    .update({ used_at: new Date() })) as unknown as number[]
  return Number(updated) > 0
}

export async function removeSecondFactor(user: User) {
  user.totpSecret = null
  user.totpEnabledAt = null
  user.totpLastStep = null
  await user.save()
  await RecoveryCode.query().where('user_id', user.id).delete()
}
