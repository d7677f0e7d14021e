/*
 * Phone confirmation codes (SECURITY A6, ASVS 6.5.4/6.5.5/6.6.3): 6 random digits (~20 bits),
 * valid 10 minutes, stored as a keyed hash, 5 tries and the code is dead (counted in the
 * limiter store, which a refused request's rollback does not undo); a new code voids the older
 * ones. Sent only to the number being confirmed.
 */
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto'
import i18nManager from '@adonisjs/i18n/services/main'
import { appKey } from '#config/app'
import { currentTenantScope, requireTenantId } from '#app/core/database/tenant_context'
import { sms } from '#app/auth/sms'
import limiter from '@adonisjs/limiter/services/main'
import { errors as limiterErrors } from '@adonisjs/limiter'
import { normalizeDigits } from '#app/core/identifiers/iran'
import type { Locale } from '#app/core/i18n/locales'

export const PHONE_CODE_LIFETIME_MS = 10 * 60 * 1000
export const PHONE_CODE_ATTEMPTS = 5

const attempts = () =>
  limiter.use({ requests: PHONE_CODE_ATTEMPTS, duration: '10 mins', blockDuration: '10 mins' })

const digest = (userId: number, code: string) =>
  createHmac('sha256', appKey.release()).update(`${userId}:${code}`).digest()

function scope(what: string) {
  const trx = currentTenantScope()?.trx
  if (!trx) throw new Error(`${what} runs inside a tenant transaction`)
  return { trx, tenantId: requireTenantId(what) }
}

export async function sendPhoneCode(
  user: { id: number; phone: string | null; locale?: Locale | null },
  tenant: { id: number; locale: Locale; brand: { name: string } }
) {
  if (!user.phone) return
  const { trx, tenantId } = scope('sendPhoneCode')
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
  await trx
    .from('phone_codes')
    .where({ tenant_id: tenantId, user_id: user.id })
    .whereNull('used_at')
    .update({ used_at: new Date() })
  await trx.table('phone_codes').insert({
    tenant_id: tenantId,
    user_id: user.id,
    phone: user.phone,
    code_hash: digest(user.id, code),
    expires_at: new Date(Date.now() + PHONE_CODE_LIFETIME_MS),
  })
  const text = i18nManager
    .locale(user.locale ?? tenant.locale)
    .t('ui.register.sms_text', { brand: tenant.brand.name, code })
  const send = () => sms.send({ tenantId: tenant.id, to: user.phone!, text })
  // After commit: a rolled-back registration sends nothing.
  if (!trx.isCompleted) trx.after('commit', () => void send().catch(() => {}))
  else await send()
}

export type PhoneCheck = 'ok' | 'wrong' | 'expired'

export async function checkPhoneCode(userId: number, code: string): Promise<PhoneCheck> {
  const { trx, tenantId } = scope('checkPhoneCode')
  const row = await trx
    .from('phone_codes')
    .where({ tenant_id: tenantId, user_id: userId })
    .whereNull('used_at')
    .orderBy('id', 'desc')
    .forUpdate()
    .first()
  if (!row || new Date(row.expires_at).getTime() < Date.now()) return 'expired'
  // Tries are counted outside the database: a wrong code's request rolls back.
  // The try is taken before the code is compared, atomically (issue #11 §4).
  const key = `phone-code:${tenantId}:${row.id}`
  let left: number
  try {
    left = (await attempts().consume(key)).remaining
  } catch (error) {
    if (error instanceof limiterErrors.E_TOO_MANY_REQUESTS) return 'expired'
    throw error
  }
  const given = digest(userId, normalizeDigits(code))
  if (!timingSafeEqual(given, row.code_hash)) return left === 0 ? 'expired' : 'wrong'
  await trx
    .from('phone_codes')
    .where({ tenant_id: tenantId, id: row.id })
    .update({ used_at: new Date() })
  return 'ok'
}
